-- Personal texts in read models are stored sealed with the client's key (crypto-shredding): longer than the
-- plaintext, and NULL once the client is erased.
ALTER TABLE file_signal ALTER COLUMN description SET DATA TYPE VARCHAR(100000);
ALTER TABLE file_agreement ALTER COLUMN agreements SET DATA TYPE VARCHAR(100000);
ALTER TABLE file_agreement ALTER COLUMN agreements SET NULL;
