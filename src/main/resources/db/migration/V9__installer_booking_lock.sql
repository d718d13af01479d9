-- Bumped by every accept: the UPDATE takes the installer's row lock on every database, so two accepts by one
-- installer run one after the other and the overlap check between them cannot be raced.
ALTER TABLE installer_profiles ADD COLUMN booking_version BIGINT NOT NULL DEFAULT 0;
