-- Email address changes (account self-service): one row per request. The new address is used only once its
-- owner opens the emailed link; the old address can undo a confirmed change for 7 days. Links are stored as the
-- SHA-256 of their token only, like account_tokens.
CREATE TABLE email_changes (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id            VARCHAR(36)  NOT NULL,
    old_email          VARCHAR(254) NOT NULL,
    new_email          VARCHAR(254) NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    confirm_token_hash CHAR(64)     NOT NULL,
    confirm_expires_at DATETIME(6)  NOT NULL,
    undo_token_hash    CHAR(64),
    undo_expires_at    DATETIME(6),
    requested_at       DATETIME(6)  NOT NULL,
    confirmed_at       DATETIME(6),
    ended_at           DATETIME(6),
    CONSTRAINT fk_email_changes_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT uk_email_changes_confirm UNIQUE (confirm_token_hash),
    CONSTRAINT uk_email_changes_undo UNIQUE (undo_token_hash)
);
CREATE INDEX ix_email_changes_user ON email_changes (user_id, status);
