-- Dispatch's own copy of what makes an installer eligible for offers, kept on the profile that the candidate
-- search reads anyway: a ban mirrored from identity's AccountBanned/AccountUnbanned events (until when), and an
-- admin's revocation of the approval (who, when, why). Dispatch never reads identity's tables.
ALTER TABLE installer_profiles ADD COLUMN banned_until DATETIME(6);
ALTER TABLE installer_profiles ADD COLUMN revoked_at DATETIME(6);
ALTER TABLE installer_profiles ADD COLUMN revoked_by VARCHAR(36);
ALTER TABLE installer_profiles ADD COLUMN revoke_reason VARCHAR(500);
CREATE INDEX ix_profiles_revoked ON installer_profiles (revoked_at, approved_at);

-- At most three open applications per user, enforced by the database: each open one holds a numbered slot
-- (1..3), a decided one none (NULL, which a unique key does not compare). Two concurrent applications that pick
-- the same slot cannot both be stored.
ALTER TABLE installer_applications ADD COLUMN pending_slot INT;
ALTER TABLE installer_applications ADD CONSTRAINT uk_applications_pending UNIQUE (user_id, pending_slot);
