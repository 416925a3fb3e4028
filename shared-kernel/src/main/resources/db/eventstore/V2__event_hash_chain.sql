-- Tamper evidence: every event carries a SHA-256 hash over its stored bytes that chains to the previous event of its
-- aggregate (see nl.weerthuis.kernel.eventstore.EventHashChain). Written in the insert that appends the event.
ALTER TABLE domain_event_entry ADD COLUMN event_hash CHAR(64);
ALTER TABLE domain_event_entry ADD COLUMN previous_hash CHAR(64);
