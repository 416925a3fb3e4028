-- Small lookup tables the command side keeps from its own events (in the transaction that appends them), for rules
-- that need a fact of another aggregate. Never read by the query side, never fed by it.
CREATE TABLE lookup_client (
    client_id             VARCHAR(36)  NOT NULL,
    setting               VARCHAR(20)  NOT NULL,
    region                VARCHAR(100) NOT NULL,
    municipality          VARCHAR(100) NOT NULL,
    trajectory_open       BOOLEAN      NOT NULL,
    trajectory_started_on DATE,
    debts_stabilised      BOOLEAN      NOT NULL,
    CONSTRAINT lookup_client_pk PRIMARY KEY (client_id)
);

CREATE TABLE lookup_agreement_version (
    agreement_id             VARCHAR(100) NOT NULL,
    version                  INTEGER      NOT NULL,
    region                   VARCHAR(100) NOT NULL,
    effective_from           DATE         NOT NULL,
    offer_deadline_months    INTEGER      NOT NULL,
    flip_minimum_months      INTEGER      NOT NULL,
    flip_maximum_months      INTEGER      NOT NULL,
    review_cadence_months    INTEGER      NOT NULL,
    review_period_months     INTEGER      NOT NULL,
    waakvlam_frequency_weeks INTEGER      NOT NULL,
    waakvlam_duration_months INTEGER      NOT NULL,
    CONSTRAINT lookup_agreement_version_pk PRIMARY KEY (agreement_id, version)
);
CREATE INDEX lookup_agreement_version_region_idx ON lookup_agreement_version (region, effective_from);

-- db-scheduler: the persistent deadline manager (flip terms, reviews due, waakvlam contacts). Deadline payloads
-- hold ids and dates only.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    CONSTRAINT scheduled_tasks_pk PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
