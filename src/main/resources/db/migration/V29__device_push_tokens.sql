-- Push tokens of the mobile apps (issue 22): one row per installed app that allowed notifications, bound to the
-- session it was registered from, so a phone that signs out (or whose session is revoked or expires) gets no
-- more pushes. The token is unique through its SHA-256 like a Web Push endpoint: it addresses one device.
CREATE TABLE device_push_tokens (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id         VARCHAR(36)  NOT NULL,
    session_id      VARCHAR(36)  NOT NULL,
    token           VARCHAR(200) NOT NULL,
    token_hash      CHAR(64)     NOT NULL,
    platform        VARCHAR(10)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    last_success_at DATETIME(6),
    CONSTRAINT uq_device_push_token UNIQUE (token_hash),
    CONSTRAINT fk_device_push_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_device_push_user ON device_push_tokens (user_id, created_at);
CREATE INDEX ix_device_push_session ON device_push_tokens (session_id);
