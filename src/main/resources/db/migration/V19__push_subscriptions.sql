-- Web Push subscriptions (issue 14): one row per browser or device a user allowed to receive pushes. The endpoint
-- URL is a capability (whoever knows it can address the device), so it is unique through its SHA-256 (a unique
-- index on a 2000-character utf8mb4 column would exceed MariaDB's key length). The auth secret is encrypted
-- with the data key; the p256dh public key needs no secrecy.
CREATE TABLE push_subscriptions (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    user_id         VARCHAR(36)   NOT NULL,
    endpoint        VARCHAR(2000) NOT NULL,
    endpoint_hash   CHAR(64)      NOT NULL,
    p256dh          VARCHAR(100)  NOT NULL,
    auth_secret_enc VARCHAR(200)  NOT NULL,
    user_agent      VARCHAR(40)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    last_success_at DATETIME(6),
    CONSTRAINT uq_push_endpoint UNIQUE (endpoint_hash),
    CONSTRAINT fk_push_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_push_user ON push_subscriptions (user_id, created_at);
