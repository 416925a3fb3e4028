-- The offer deadline an offer was made under is an ISO 8601 period (issue 16); deadlines recorded in whole months
-- keep their meaning as PnM.
ALTER TABLE monitor_tenancy ADD COLUMN offer_deadline VARCHAR(20);
UPDATE monitor_tenancy SET offer_deadline = 'P' || offer_deadline_months || 'M';
ALTER TABLE monitor_tenancy ALTER COLUMN offer_deadline SET NOT NULL;
ALTER TABLE monitor_tenancy DROP COLUMN offer_deadline_months;
