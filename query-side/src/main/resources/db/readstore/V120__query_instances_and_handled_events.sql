-- Scale-out of the query side. Each running instance keeps one row here, refreshed by its heartbeat; an instance
-- claims at most its fair share of each processor's segments: ceil(segments / live instances).
CREATE TABLE query_instance (
    node_id   VARCHAR(100)             NOT NULL,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT query_instance_pk PRIMARY KEY (node_id)
);

-- How often each read model handled each type of event, per instance, counted in the transaction that also stores
-- the processor's token: summed over instances it equals the events of that type in the store, unless an event was
-- handled twice (replays count again). One row per instance, processor and type, so instances never wait on each other.
CREATE TABLE handled_event_count (
    node_id        VARCHAR(100) NOT NULL,
    processor_name VARCHAR(255) NOT NULL,
    payload_type   VARCHAR(255) NOT NULL,
    handled        BIGINT       NOT NULL,
    CONSTRAINT handled_event_count_pk PRIMARY KEY (node_id, processor_name, payload_type)
);
