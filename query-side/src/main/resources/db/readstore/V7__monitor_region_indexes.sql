-- The monitor reads one region's facts per question (national scale: 43 regions).
CREATE INDEX monitor_care_stay_region_idx ON monitor_care_stay (region);
CREATE INDEX monitor_trajectory_region_idx ON monitor_trajectory (region);
CREATE INDEX monitor_tenancy_region_idx ON monitor_tenancy (region);
CREATE INDEX monitor_waakvlam_client_idx ON monitor_waakvlam (client_id);
