-- Audit trail, alerts and IP blocks.
CREATE TABLE audit_events (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    type        VARCHAR(40)   NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    user_id     VARCHAR(36),
    ip          VARCHAR(45),
    user_agent  VARCHAR(300),
    outcome     VARCHAR(10)   NOT NULL,
    detail      VARCHAR(2000)
);
CREATE INDEX ix_audit_time ON audit_events (occurred_at);
CREATE INDEX ix_audit_type ON audit_events (type, occurred_at);
CREATE INDEX ix_audit_user ON audit_events (user_id, occurred_at);
CREATE INDEX ix_audit_ip ON audit_events (ip, occurred_at);

CREATE TABLE alerts (
    id        VARCHAR(36)   NOT NULL PRIMARY KEY,
    type      VARCHAR(40)   NOT NULL,
    raised_at DATETIME(6)   NOT NULL,
    subject   VARCHAR(100)  NOT NULL,
    detail    VARCHAR(1000),
    status    VARCHAR(12)   NOT NULL
);
CREATE INDEX ix_alerts_time ON alerts (raised_at);

CREATE TABLE ip_blocks (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    cidr       VARCHAR(50)  NOT NULL,
    reason     VARCHAR(300) NOT NULL,
    automatic  BOOLEAN      NOT NULL,
    auth_only  BOOLEAN      NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6),
    created_by VARCHAR(36)
);
CREATE INDEX ix_ip_blocks_expiry ON ip_blocks (expires_at);
