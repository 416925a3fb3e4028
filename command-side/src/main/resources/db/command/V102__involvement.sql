-- Which organisations are involved with a client (registered them, let the dwelling, provide the care), and which
-- client each tenancy and indication is about: a caseworker acts only for clients their organisation is involved with.
CREATE TABLE lookup_aggregate_client (
    aggregate_identifier VARCHAR(36) NOT NULL,
    client_id            VARCHAR(36) NOT NULL,
    CONSTRAINT lookup_aggregate_client_pk PRIMARY KEY (aggregate_identifier)
);

CREATE TABLE lookup_involvement (
    client_id    VARCHAR(36) NOT NULL,
    organisation VARCHAR(20) NOT NULL,
    CONSTRAINT lookup_involvement_pk PRIMARY KEY (client_id, organisation)
);
