-- Alerts get a severity and a life cycle (OPEN -> ACKNOWLEDGED -> RESOLVED, or OPEN -> RESOLVED) with who and
-- when; accounts can be locked for a while after repeated suspicious activity.
ALTER TABLE alerts ADD COLUMN severity VARCHAR(8) DEFAULT 'MEDIUM' NOT NULL;
ALTER TABLE alerts ADD COLUMN acknowledged_by VARCHAR(36);
ALTER TABLE alerts ADD COLUMN acknowledged_at DATETIME(6);
ALTER TABLE alerts ADD COLUMN resolved_by VARCHAR(36);
ALTER TABLE alerts ADD COLUMN resolved_at DATETIME(6);
ALTER TABLE alerts ADD COLUMN note VARCHAR(1000);
ALTER TABLE alerts ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX ix_alerts_status ON alerts (status, raised_at);

ALTER TABLE users ADD COLUMN locked_until DATETIME(6);
ALTER TABLE users ADD COLUMN lock_reason VARCHAR(200);
