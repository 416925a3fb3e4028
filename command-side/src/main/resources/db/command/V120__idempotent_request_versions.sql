-- A repeated request gets the first outcome whole: its ETag and Location too. Records expire (purged by recorded_at).
ALTER TABLE idempotent_request ADD COLUMN etag VARCHAR(40);
ALTER TABLE idempotent_request ADD COLUMN location VARCHAR(400);
CREATE INDEX idempotent_request_recorded_at ON idempotent_request (recorded_at);
