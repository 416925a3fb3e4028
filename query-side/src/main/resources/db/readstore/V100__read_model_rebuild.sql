-- A read model being rebuilt into shadow tables (schema <read store>_rebuild_<model>) while its live tables keep
-- serving: every instance can tell readers that a new generation is on its way. The row goes in the same
-- transaction that swaps the shadow tables in.
CREATE TABLE read_model_rebuild (
    read_model   VARCHAR(100) NOT NULL PRIMARY KEY,
    started_at   TIMESTAMPTZ  NOT NULL,
    started_by   VARCHAR(255) NOT NULL
);
