-- Decision history: which aggregates belong to which client (the events themselves are read from the event store).
CREATE TABLE history_subject (
    aggregate_identifier VARCHAR(36)  NOT NULL,
    aggregate_type       VARCHAR(50)  NOT NULL,
    client_id            VARCHAR(36)  NOT NULL,
    region               VARCHAR(100),
    CONSTRAINT history_subject_pk PRIMARY KEY (aggregate_identifier)
);
CREATE INDEX history_subject_client_idx ON history_subject (client_id);

-- Every version of every regional agreement, to name the version in force on an entry's business date.
CREATE TABLE history_agreement_version (
    agreement_id   VARCHAR(100) NOT NULL,
    version        INTEGER      NOT NULL,
    region         VARCHAR(100) NOT NULL,
    effective_from DATE         NOT NULL,
    CONSTRAINT history_agreement_version_pk PRIMARY KEY (agreement_id, version)
);

-- Logboek Dataverwerkingen: one record per processing of one data subject's personal data. Never sampled.
CREATE TABLE processing_log (
    id                BIGSERIAL    NOT NULL,
    trace_id          CHAR(32)     NOT NULL,
    span_id           CHAR(16)     NOT NULL,
    parent_span_id    CHAR(16),
    activity_id       VARCHAR(100) NOT NULL,
    data_subject      CHAR(64)     NOT NULL,
    organisation      VARCHAR(20)  NOT NULL,
    organisation_type VARCHAR(30)  NOT NULL,
    person            VARCHAR(200) NOT NULL,
    roles             VARCHAR(200) NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    CONSTRAINT processing_log_pk PRIMARY KEY (id)
);
CREATE INDEX processing_log_subject_idx ON processing_log (data_subject, recorded_at);
