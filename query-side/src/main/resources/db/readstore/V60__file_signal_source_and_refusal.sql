-- The client file tells a corporation's own signals from others' by the raising organisation (not its type: another
-- corporation's signal is someone else's too), and shows a refused offer as refused rather than open. Rows written
-- before this have no source organisation and count as others' (the safe side) until the file is replayed.
ALTER TABLE file_signal ADD COLUMN source_organisation VARCHAR(20);
ALTER TABLE file_tenancy ADD COLUMN refused_on DATE;
