-- Issue 19: passkeys (WebAuthn). A passkey is found by the hash of its credential id: the id is case-sensitive
-- base64url, and a hash keeps the unique index independent of the column collation (MariaDB's default one
-- ignores case) and of the id's length.
CREATE TABLE passkeys (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id              VARCHAR(36)   NOT NULL,
    credential_id_hash   CHAR(64)      NOT NULL,
    credential_id        VARCHAR(1400) NOT NULL,
    -- The authenticator's attested credential data (AAGUID, credential id, COSE public key), base64url.
    credential_data      VARCHAR(4000) NOT NULL,
    name                 VARCHAR(60)   NOT NULL,
    sign_count           BIGINT        NOT NULL,
    uv_initialized       BOOLEAN       NOT NULL,
    backup_eligible      BOOLEAN       NOT NULL,
    backed_up            BOOLEAN       NOT NULL,
    transports           VARCHAR(200),
    created_at           DATETIME(6)   NOT NULL,
    last_used_at         DATETIME(6),
    CONSTRAINT uq_passkeys_credential UNIQUE (credential_id_hash),
    CONSTRAINT fk_passkeys_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_passkeys_user ON passkeys (user_id, created_at);

-- Server-side WebAuthn challenges: only their hash is stored; each is spent by the first attempt that uses it.
CREATE TABLE passkey_challenges (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    challenge_hash CHAR(64)    NOT NULL,
    purpose        VARCHAR(16) NOT NULL,
    user_id        VARCHAR(36),
    created_at     DATETIME(6) NOT NULL,
    expires_at     DATETIME(6) NOT NULL,
    used_at        DATETIME(6),
    CONSTRAINT fk_passkey_challenges_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_passkey_challenges_expires ON passkey_challenges (expires_at);
