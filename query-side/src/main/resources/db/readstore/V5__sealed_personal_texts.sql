-- Personal texts in read models are stored sealed with the client's key (crypto-shredding): longer than the
-- plaintext, and NULL once the client is erased.
ALTER TABLE file_signal ALTER COLUMN description TYPE TEXT;
ALTER TABLE file_agreement ALTER COLUMN agreements TYPE TEXT;
ALTER TABLE file_agreement ALTER COLUMN agreements DROP NOT NULL;
