-- Step-up re-authentication: the moment this session last proved its owner again (password or TOTP code).
-- Sensitive changes need it to be recent; it is per session, so a token of another session is not stepped up.
ALTER TABLE user_sessions ADD COLUMN reauthenticated_at DATETIME(6);
-- The role an account had before an admin promoted it to ADMIN, so a demotion gives that role back
-- (an installer keeps their jobs and profile) instead of guessing.
ALTER TABLE users ADD COLUMN role_before_admin VARCHAR(16);
