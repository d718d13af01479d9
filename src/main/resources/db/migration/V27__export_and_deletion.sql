-- Data export (GDPR Art. 15/20) and account deletion (Art. 17); see docs/privacy.md.

-- When the account's personal data was erased: the row stays (its id must never be issued again, and the orders,
-- invoices and reviews that the law or the public record keep still point at it), pseudonymised.
ALTER TABLE users ADD COLUMN erased_at DATETIME(6);

-- One archive per request, sealed with the data key; only the SHA-256 of its mailed download token is stored.
CREATE TABLE data_exports (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id       VARCHAR(36)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    requested_at  DATETIME(6)  NOT NULL,
    ready_at      DATETIME(6),
    expires_at    DATETIME(6),
    token_hash    VARCHAR(64),
    archive       LONGTEXT,
    CONSTRAINT fk_data_exports_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_data_exports_user ON data_exports (user_id, requested_at);

-- At most one deletion per account: SCHEDULED (grace period), CANCELLED (kept), ERASED (done).
CREATE TABLE account_deletions (
    user_id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    status           VARCHAR(16)  NOT NULL,
    requested_at     DATETIME(6)  NOT NULL,
    due_at           DATETIME(6)  NOT NULL,
    undo_token_hash  VARCHAR(64),
    decided_at       DATETIME(6),
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_account_deletions_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_account_deletions_due ON account_deletions (status, due_at);

-- When each person last asked for an export: one conditional update per request enforces "once a day" across
-- instances (two simultaneous requests cannot both pass).
CREATE TABLE data_export_quota (
    user_id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    last_requested_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_data_export_quota_user FOREIGN KEY (user_id) REFERENCES users (id)
);
