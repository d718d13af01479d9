-- Emails are normalised (NFKC, lower case, ASCII) before they are stored or looked up; a binary collation
-- makes the database compare them exactly as the application does, so 'ålice' never finds 'alice'.
ALTER TABLE users MODIFY email VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
