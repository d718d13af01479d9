-- The in-app inbox: one row per notification a person got. (event_id, recipient_id, kind) is unique, so an
-- event delivered twice (redelivery after a crash) still makes one entry.
CREATE TABLE notifications (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    recipient_id VARCHAR(36)   NOT NULL,
    event_id     VARCHAR(64)   NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    category     VARCHAR(20)   NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    body         VARCHAR(1000) NOT NULL,
    link         VARCHAR(300),
    created_at   DATETIME(6)   NOT NULL,
    read_at      DATETIME(6),
    CONSTRAINT uq_notifications_event UNIQUE (event_id, recipient_id, kind)
);
CREATE INDEX ix_notifications_recipient ON notifications (recipient_id, created_at);

-- What a person turned off (or on again) per category and channel; absent rows mean the default (on).
CREATE TABLE notification_preferences (
    user_id  VARCHAR(36) NOT NULL,
    category VARCHAR(20) NOT NULL,
    channel  VARCHAR(10) NOT NULL,
    enabled  BOOLEAN     NOT NULL,
    PRIMARY KEY (user_id, category, channel)
);

-- Mails already handed to the mail server, per event, recipient and kind: a redelivered event does not mail
-- again. (A crash between sending and recording this row sends once more, with the same Message-ID.)
CREATE TABLE sent_notification_mails (
    event_id     VARCHAR(64) NOT NULL,
    recipient_id VARCHAR(36) NOT NULL,
    kind         VARCHAR(40) NOT NULL,
    sent_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id, recipient_id, kind)
);

-- Audit event types up to 64 characters: REGISTRATION_ATTEMPT_FOR_EXISTING_ACCOUNT (41) did not fit in 40, and
-- its audit row was lost.
ALTER TABLE audit_events MODIFY COLUMN type VARCHAR(64) NOT NULL;
