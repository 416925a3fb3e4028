-- The organisation register (issue 17): one row per organisation number (OIN or KvK), as its events left it.
-- Names are not secret: any authenticated caller reads them, and pages show them next to the number.
CREATE TABLE organisation (
    organisation_id VARCHAR(20)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    type            VARCHAR(30)  NOT NULL,
    regions         TEXT         NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT organisation_pk PRIMARY KEY (organisation_id)
);
