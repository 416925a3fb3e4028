-- The client file that caseworkers of involved organisations read, each seeing only what their role needs.
CREATE TABLE file_involvement (
    client_id    VARCHAR(36) NOT NULL,
    organisation VARCHAR(20) NOT NULL,
    CONSTRAINT file_involvement_pk PRIMARY KEY (client_id, organisation)
);

CREATE TABLE file_tenancy (
    tenancy_id    VARCHAR(36) NOT NULL,
    client_id     VARCHAR(36) NOT NULL,
    landlord      VARCHAR(20) NOT NULL,
    care_provider VARCHAR(20) NOT NULL,
    lease_form    VARCHAR(30) NOT NULL,
    lease_holder  VARCHAR(20),
    moved_in_on   DATE,
    flipped_on    DATE,
    ended_on      DATE,
    end_reason    VARCHAR(30),
    CONSTRAINT file_tenancy_pk PRIMARY KEY (tenancy_id)
);

CREATE TABLE file_signal (
    tenancy_id   VARCHAR(36)  NOT NULL,
    signal_id    VARCHAR(100) NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    severity     VARCHAR(10)  NOT NULL,
    source_type  VARCHAR(30),
    description  VARCHAR(4000),
    raised_on    DATE         NOT NULL,
    resolved_on  DATE,
    CONSTRAINT file_signal_pk PRIMARY KEY (tenancy_id, signal_id)
);

CREATE TABLE file_indication (
    indication_id  VARCHAR(36)  NOT NULL,
    client_id      VARCHAR(36)  NOT NULL,
    type           VARCHAR(40)  NOT NULL,
    hours_per_week DOUBLE PRECISION NOT NULL,
    provider       VARCHAR(20)  NOT NULL,
    valid_until    DATE         NOT NULL,
    ended_on       DATE,
    CONSTRAINT file_indication_pk PRIMARY KEY (indication_id)
);

CREATE TABLE file_consent (
    client_id    VARCHAR(36)  NOT NULL,
    organisation VARCHAR(20)  NOT NULL,
    purpose      VARCHAR(100) NOT NULL,
    CONSTRAINT file_consent_pk PRIMARY KEY (client_id, organisation, purpose)
);

-- What the parties agreed with the client, which the client may always read (000 L1819).
CREATE TABLE file_agreement (
    tenancy_id  VARCHAR(36)   NOT NULL,
    client_id   VARCHAR(36)   NOT NULL,
    agreements  VARCHAR(4000) NOT NULL,
    recorded_on DATE          NOT NULL,
    CONSTRAINT file_agreement_pk PRIMARY KEY (tenancy_id, recorded_on)
);
