-- The W3C trace context (traceparent) of the event a feed entry tells of, so that its delivery continues that trace
-- (a webhook's traceparent header, an AMQP message's header, the processing log's record). Null for entries made
-- before: their deliveries start a trace of their own.
ALTER TABLE partner_event ADD COLUMN trace_parent VARCHAR(55);
