-- Anchored tamper evidence: the record of every signed checkpoint of the event store (the audit trail of what was
-- published). The proof itself is the signed file, shipped outside this database; the signing key never is in it.
CREATE TABLE integrity_checkpoint (
    id              BIGSERIAL    NOT NULL,
    key_id          VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    global_position BIGINT       NOT NULL,
    events          BIGINT       NOT NULL,
    aggregates      INTEGER      NOT NULL,
    merkle_root     CHAR(64)     NOT NULL,
    signature       VARCHAR(100) NOT NULL,
    file_name       VARCHAR(200) NOT NULL,
    signed_for      VARCHAR(200) NOT NULL,
    CONSTRAINT integrity_checkpoint_pk PRIMARY KEY (id)
);
