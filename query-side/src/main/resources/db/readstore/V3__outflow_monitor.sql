-- The outflow monitor's facts: one row per stay, trajectory, tenancy, signal, waakvlam; figures are computed from
-- them by business date. Pseudonymous ids only: no names, no addresses, no free text.
CREATE TABLE monitor_care_stay (
    client_id     VARCHAR(36)  NOT NULL,
    stay_number   INTEGER      NOT NULL,
    setting       VARCHAR(20)  NOT NULL,
    region        VARCHAR(100) NOT NULL,
    municipality  VARCHAR(100) NOT NULL,
    care_provider VARCHAR(20)  NOT NULL,
    from_date     DATE         NOT NULL,
    to_date       DATE,
    CONSTRAINT monitor_care_stay_pk PRIMARY KEY (client_id, stay_number)
);

CREATE TABLE monitor_trajectory (
    client_id     VARCHAR(36)  NOT NULL,
    started_on    DATE         NOT NULL,
    region        VARCHAR(100) NOT NULL,
    municipality  VARCHAR(100) NOT NULL,
    care_provider VARCHAR(20)  NOT NULL,
    moved_in_on   DATE,
    closed_on     DATE,
    closure       VARCHAR(30),
    CONSTRAINT monitor_trajectory_pk PRIMARY KEY (client_id, started_on)
);

CREATE TABLE monitor_tenancy (
    tenancy_id            VARCHAR(36)  NOT NULL,
    client_id             VARCHAR(36)  NOT NULL,
    region                VARCHAR(100) NOT NULL,
    municipality          VARCHAR(100) NOT NULL,
    neighbourhood         VARCHAR(100) NOT NULL,
    corporation           VARCHAR(20)  NOT NULL,
    care_provider         VARCHAR(20)  NOT NULL,
    lease_form            VARCHAR(30)  NOT NULL,
    from_quota            BOOLEAN      NOT NULL,
    trajectory_started_on DATE,
    offered_on            DATE         NOT NULL,
    offer_deadline_months INTEGER      NOT NULL,
    accepted_on           DATE,
    moved_in_on           DATE,
    flipped_on            DATE,
    ended_on              DATE,
    end_reason            VARCHAR(30),
    CONSTRAINT monitor_tenancy_pk PRIMARY KEY (tenancy_id)
);

CREATE TABLE monitor_return_to_care (
    client_id     VARCHAR(36)  NOT NULL,
    returned_on   DATE         NOT NULL,
    tenancy_id    VARCHAR(36),
    CONSTRAINT monitor_return_to_care_pk PRIMARY KEY (client_id, returned_on)
);

CREATE TABLE monitor_signal (
    signal_id   VARCHAR(100) NOT NULL,
    tenancy_id  VARCHAR(36)  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    severity    VARCHAR(10)  NOT NULL,
    raised_on   DATE         NOT NULL,
    resolved_on DATE,
    CONSTRAINT monitor_signal_pk PRIMARY KEY (tenancy_id, signal_id)
);

CREATE TABLE monitor_waakvlam (
    indication_id VARCHAR(36)  NOT NULL,
    client_id     VARCHAR(36)  NOT NULL,
    started_on    DATE         NOT NULL,
    until_date    DATE         NOT NULL,
    ended_on      DATE,
    CONSTRAINT monitor_waakvlam_pk PRIMARY KEY (indication_id)
);

CREATE TABLE monitor_waakvlam_missed (
    indication_id VARCHAR(36) NOT NULL,
    due_on        DATE        NOT NULL,
    CONSTRAINT monitor_waakvlam_missed_pk PRIMARY KEY (indication_id, due_on)
);

CREATE TABLE monitor_agreement (
    agreement_id   VARCHAR(100) NOT NULL,
    region         VARCHAR(100) NOT NULL,
    effective_from DATE         NOT NULL,
    CONSTRAINT monitor_agreement_pk PRIMARY KEY (agreement_id)
);

CREATE TABLE monitor_quota (
    region      VARCHAR(100) NOT NULL,
    corporation VARCHAR(20)  NOT NULL,
    quota_year  INTEGER      NOT NULL,
    dwellings   INTEGER      NOT NULL,
    CONSTRAINT monitor_quota_pk PRIMARY KEY (region, corporation, quota_year)
);

CREATE TABLE monitor_target (
    region      VARCHAR(100) NOT NULL,
    outflows    INTEGER      NOT NULL,
    target_date DATE         NOT NULL,
    CONSTRAINT monitor_target_pk PRIMARY KEY (region)
);
