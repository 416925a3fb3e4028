-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, DeadLetterSchema with this table name): events a
-- projection could not handle, parked per sequence (one client's events) so every other client carries on.
CREATE TABLE dead_letter_entry (
    deadletteridentifier VARCHAR(255) NOT NULL,
    processinggroup      VARCHAR(255) NOT NULL,
    sequenceidentifier   VARCHAR(255) NOT NULL,
    sequenceindex        BIGINT       NOT NULL,
    messagetype          VARCHAR(255) NOT NULL,
    eventidentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadtype          VARCHAR(255) NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255) NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (deadletteridentifier),
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);

CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processinggroup, sequenceidentifier);
