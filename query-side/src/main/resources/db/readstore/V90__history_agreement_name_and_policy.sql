-- The decision history names an agreement and the rule a decision applied: each version keeps its agreement's name
-- (set on adoption) and its rules. Rows from before stay without them until the history projection is rebuilt
-- (POST /api/v1/admin/projections/history/rebuild); until then an entry names the agreement by its id.
ALTER TABLE history_agreement_version ADD COLUMN name VARCHAR(200);
ALTER TABLE history_agreement_version ADD COLUMN policy TEXT;
