-- Partner delivery holds a PostgreSQL session advisory lock per subscription (DeliveryLocks), which a crashed
-- instance loses with its connection; the lease column it replaced is read by nothing any more.
ALTER TABLE partner_subscription DROP COLUMN locked_until;
