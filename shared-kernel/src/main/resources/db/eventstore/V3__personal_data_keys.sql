-- Crypto-shredding: one data key per client (data subject), wrapped with the installation's key-encryption key.
-- Personal data in events, snapshots and read models is encrypted with it; erasure sets wrapped_key to NULL and
-- keeps the row as a tombstone, so no new key can quietly bring the person back.
CREATE TABLE personal_data_key (
    subject_id  VARCHAR(100) NOT NULL,
    wrapped_key BYTEA,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT personal_data_key_pk PRIMARY KEY (subject_id)
);
