-- MFA, bans, single-use email links, recovery codes and MFA login challenges.
ALTER TABLE users ADD COLUMN totp_secret VARCHAR(255);
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE users ADD COLUMN banned_until DATETIME(6);
ALTER TABLE users ADD COLUMN ban_reason VARCHAR(200);

-- Email verification and password reset links, stored as SHA-256 of the token only.
CREATE TABLE account_tokens (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36) NOT NULL,
    purpose    VARCHAR(20) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6),
    CONSTRAINT fk_account_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_account_tokens_user ON account_tokens (user_id, purpose);

CREATE TABLE recovery_codes (
    id         VARCHAR(36) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36) NOT NULL,
    code_hash  CHAR(64)    NOT NULL,
    used_at    DATETIME(6),
    CONSTRAINT fk_recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT uk_recovery_codes UNIQUE (user_id, code_hash)
);

CREATE TABLE mfa_challenges (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    attempts   INT         NOT NULL DEFAULT 0,
    used_at    DATETIME(6),
    user_agent VARCHAR(200),
    ip         VARCHAR(45),
    CONSTRAINT fk_mfa_challenges_user FOREIGN KEY (user_id) REFERENCES users (id)
);
