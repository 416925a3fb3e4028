-- Agreement terms are ISO 8601 periods (P182D, P6W, P3M) instead of whole months or weeks (issue 16). Versions
-- already looked up keep their meaning: n months become PnM, n weeks PnW.
ALTER TABLE lookup_agreement_version
    ADD COLUMN offer_deadline     VARCHAR(20),
    ADD COLUMN flip_minimum_term  VARCHAR(20),
    ADD COLUMN flip_maximum_term  VARCHAR(20),
    ADD COLUMN review_cadence     VARCHAR(20),
    ADD COLUMN review_period      VARCHAR(20),
    ADD COLUMN waakvlam_frequency VARCHAR(20),
    ADD COLUMN waakvlam_duration  VARCHAR(20);
UPDATE lookup_agreement_version SET
    offer_deadline     = 'P' || offer_deadline_months || 'M',
    flip_minimum_term  = 'P' || flip_minimum_months || 'M',
    flip_maximum_term  = 'P' || flip_maximum_months || 'M',
    review_cadence     = 'P' || review_cadence_months || 'M',
    review_period      = 'P' || review_period_months || 'M',
    waakvlam_frequency = 'P' || waakvlam_frequency_weeks || 'W',
    waakvlam_duration  = 'P' || waakvlam_duration_months || 'M';
ALTER TABLE lookup_agreement_version
    ALTER COLUMN offer_deadline SET NOT NULL, ALTER COLUMN flip_minimum_term SET NOT NULL,
    ALTER COLUMN flip_maximum_term SET NOT NULL, ALTER COLUMN review_cadence SET NOT NULL,
    ALTER COLUMN review_period SET NOT NULL, ALTER COLUMN waakvlam_frequency SET NOT NULL,
    ALTER COLUMN waakvlam_duration SET NOT NULL,
    DROP COLUMN offer_deadline_months, DROP COLUMN flip_minimum_months, DROP COLUMN flip_maximum_months,
    DROP COLUMN review_cadence_months, DROP COLUMN review_period_months, DROP COLUMN waakvlam_frequency_weeks,
    DROP COLUMN waakvlam_duration_months;
