-- V1..V99 are the shared event store tables (shared-kernel, db/eventstore); the command side's own tables start at V100.
-- The outcome of a request made with an Idempotency-Key, recorded in the transaction that appended its events.
CREATE TABLE idempotent_request (
    scoped_key  VARCHAR(300) NOT NULL,
    fingerprint CHAR(64)     NOT NULL,
    status      INTEGER,
    body        TEXT,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotent_request_pk PRIMARY KEY (scoped_key)
);
