-- Which generation of each rebuildable read model serves. Every batch of a live processor holds this row FOR SHARE
-- from its start and checks the number it started with; a rebuild's swap raises it, so a processor on any instance
-- that still works from the old generation's positions fails its next batch and restarts from the new tokens.
CREATE TABLE read_model_generation (
    read_model   VARCHAR(100) NOT NULL PRIMARY KEY,
    generation   BIGINT       NOT NULL
);
INSERT INTO read_model_generation (read_model, generation) VALUES ('monitor', 1), ('history', 1), ('client-file', 1);
