-- The processing log in the shape of Logius' Logboek Dataverwerkingen (issue 17; the standard's interface, section
-- "Component: Logboek", github.com/Logius-standaarden/logboek-dataverwerkingen sections/03-specificaties/
-- 02-component-logboek.md): name, start_time, end_time, status_code (0 UNSET, 1 OK, 2 ERROR), resource,
-- foreign_operation (trace_id, span_id, entity) and the dpl.core attributes. trace_id, span_id and parent_span_id
-- were there already. data_subject stays: the keyed pseudonym a client's own records are found by.
ALTER TABLE processing_log
    ADD COLUMN name                   VARCHAR(300),
    ADD COLUMN start_time             TIMESTAMP WITH TIME ZONE,
    ADD COLUMN end_time               TIMESTAMP WITH TIME ZONE,
    ADD COLUMN status_code            SMALLINT,
    ADD COLUMN resource               TEXT,
    ADD COLUMN foreign_trace_id       CHAR(32),
    ADD COLUMN foreign_span_id        CHAR(16),
    ADD COLUMN foreign_entity         VARCHAR(300),
    ADD COLUMN processing_activity_id VARCHAR(500),
    ADD COLUMN data_subject_id        VARCHAR(500),
    ADD COLUMN data_subject_id_type   VARCHAR(200);

-- Records written before: their action is named by its activity and lasted no time that was measured; their
-- subject's id was never kept (only its pseudonym), and their activity's URI is derived when they are read.
UPDATE processing_log SET name = activity_id, start_time = recorded_at, end_time = recorded_at,
    status_code = CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END;

ALTER TABLE processing_log
    ALTER COLUMN name SET NOT NULL,
    ALTER COLUMN start_time SET NOT NULL,
    ALTER COLUMN end_time SET NOT NULL,
    ALTER COLUMN status_code SET NOT NULL,
    ADD CONSTRAINT processing_log_status_code CHECK (status_code IN (0, 1, 2));
