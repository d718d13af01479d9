-- Accounts, sessions and refresh tokens. Portable between H2 (MySQL mode) and MariaDB/MySQL.
CREATE TABLE users (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    full_name      VARCHAR(100) NOT NULL,
    phone          VARCHAR(32),
    role           VARCHAR(16)  NOT NULL,
    email_verified BOOLEAN      NOT NULL DEFAULT FALSE,
    mfa_enabled    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_users_email UNIQUE (email)
);
CREATE INDEX ix_users_role ON users (role);
CREATE INDEX ix_users_created ON users (created_at);

CREATE TABLE user_sessions (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id       VARCHAR(36)  NOT NULL,
    device        VARCHAR(200),
    ip            VARCHAR(45),
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    revoked_at    DATETIME(6),
    revoke_reason VARCHAR(40),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_sessions_user ON user_sessions (user_id);
CREATE INDEX ix_sessions_revoked ON user_sessions (revoked_at);

CREATE TABLE refresh_tokens (
    token_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    session_id  VARCHAR(36) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_refresh_session FOREIGN KEY (session_id) REFERENCES user_sessions (id)
);
CREATE INDEX ix_refresh_session ON refresh_tokens (session_id);
CREATE INDEX ix_refresh_expires ON refresh_tokens (expires_at);
