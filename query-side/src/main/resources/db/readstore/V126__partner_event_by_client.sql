-- The feed reads the last subject numbers of a whole batch's clients at once (FeedBatch).
CREATE INDEX partner_event_client_idx ON partner_event (client_id);
