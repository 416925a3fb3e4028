-- Key rotation: each data key records which key-encryption key wrapped it (an id derived from that key), so a new
-- key-encryption key can be introduced while the old one is still accepted for reading until every row is
-- re-wrapped. NULL: wrapped before keys were named; such a row opens with whichever configured key fits.
ALTER TABLE personal_data_key ADD COLUMN kek_id VARCHAR(16);
