-- The query side's read store. Its tokens live here, next to the projections they feed, so a projection row and
-- the token that produced it commit in one transaction.
CREATE TABLE query_token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT query_token_entry_pk PRIMARY KEY (processor_name, segment)
);

-- Monitor: one row per registered client (pseudonymous id only), so a replayed event is counted once.
CREATE TABLE monitor_client_registration (
    client_id     VARCHAR(36)  NOT NULL,
    setting       VARCHAR(20)  NOT NULL,
    facility      VARCHAR(200) NOT NULL,
    region        VARCHAR(100) NOT NULL,
    municipality  VARCHAR(100) NOT NULL,
    care_provider VARCHAR(20)  NOT NULL,
    registered_on DATE         NOT NULL,
    CONSTRAINT monitor_client_registration_pk PRIMARY KEY (client_id)
);
CREATE INDEX monitor_client_registration_region_idx ON monitor_client_registration (region, setting);
