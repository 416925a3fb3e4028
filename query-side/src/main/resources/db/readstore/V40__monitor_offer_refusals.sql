-- Offers refused are a figure of their own (issue 16). Existing refusals appear after a rebuild of the monitor
-- (POST /api/v1/admin/projections/monitor/rebuild).
ALTER TABLE monitor_tenancy ADD COLUMN refused_on DATE;
