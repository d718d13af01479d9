-- Issue 16: the installation life cycle. Longer status names (AWAITING_CONFIRMATION), the agreed appointment,
-- the completion report's timers, the dispute and its resolution on the job; proposals, reports and photos in
-- their own tables. Jobs accepted before this version stay ASSIGNED and get an appointment the new way.
ALTER TABLE jobs MODIFY COLUMN status VARCHAR(24) NOT NULL;
ALTER TABLE orders MODIFY COLUMN status VARCHAR(24) NOT NULL;

ALTER TABLE jobs ADD COLUMN negotiation INT NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN scheduled_start DATETIME(6);
ALTER TABLE jobs ADD COLUMN scheduled_end DATETIME(6);
ALTER TABLE jobs ADD COLUMN appointment_agreed_at DATETIME(6);
ALTER TABLE jobs ADD COLUMN late_alerted_at DATETIME(6);
ALTER TABLE jobs ADD COLUMN submitted_at DATETIME(6);
ALTER TABLE jobs ADD COLUMN confirm_by DATETIME(6);
ALTER TABLE jobs ADD COLUMN reminded_at DATETIME(6);
ALTER TABLE jobs ADD COLUMN confirmed_by VARCHAR(12);
ALTER TABLE jobs ADD COLUMN disputed_at DATETIME(6);
ALTER TABLE jobs ADD COLUMN dispute_reason VARCHAR(2000);
ALTER TABLE jobs ADD COLUMN resolution VARCHAR(12);
ALTER TABLE jobs ADD COLUMN resolution_note VARCHAR(2000);
ALTER TABLE jobs ADD COLUMN resolved_at DATETIME(6);
ALTER TABLE jobs ADD COLUMN resolved_by VARCHAR(36);
CREATE INDEX ix_jobs_confirm_by ON jobs (status, confirm_by);
CREATE INDEX ix_jobs_scheduled ON jobs (status, scheduled_start);

CREATE TABLE appointment_proposals (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    job_id       VARCHAR(36) NOT NULL,
    negotiation  INT         NOT NULL,
    proposed_by  VARCHAR(12) NOT NULL,
    start_at     DATETIME(6) NOT NULL,
    end_at       DATETIME(6) NOT NULL,
    status       VARCHAR(12) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    decided_at   DATETIME(6),
    CONSTRAINT fk_proposals_job FOREIGN KEY (job_id) REFERENCES jobs (id)
);
CREATE INDEX ix_proposals_job ON appointment_proposals (job_id, negotiation, status);

CREATE TABLE completion_reports (
    id                   VARCHAR(36) NOT NULL PRIMARY KEY,
    job_id               VARCHAR(36)   NOT NULL,
    installer_id         VARCHAR(36)   NOT NULL,
    submitted_at         DATETIME(6)   NOT NULL,
    panels_mounted       BOOLEAN       NOT NULL,
    inverter_connected   BOOLEAN       NOT NULL,
    system_commissioned  BOOLEAN       NOT NULL,
    grid_documents       BOOLEAN       NOT NULL,
    notes                VARCHAR(2000),
    CONSTRAINT fk_reports_job FOREIGN KEY (job_id) REFERENCES jobs (id)
);
CREATE INDEX ix_reports_job ON completion_reports (job_id, submitted_at);

-- One row per installed panel: a serial number can be looked up later (warranty, recalls).
CREATE TABLE report_serials (
    report_id  VARCHAR(36) NOT NULL,
    position   INT         NOT NULL,
    serial     VARCHAR(40) NOT NULL,
    PRIMARY KEY (report_id, position),
    CONSTRAINT fk_serials_report FOREIGN KEY (report_id) REFERENCES completion_reports (id)
);
CREATE INDEX ix_report_serials_serial ON report_serials (serial);

CREATE TABLE job_photos (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    job_id        VARCHAR(36) NOT NULL,
    report_id     VARCHAR(36),
    blob_key      VARCHAR(64) NOT NULL,
    content_type  VARCHAR(20) NOT NULL,
    bytes         INT         NOT NULL,
    width         INT         NOT NULL,
    height        INT         NOT NULL,
    uploaded_by   VARCHAR(36) NOT NULL,
    uploaded_at   DATETIME(6) NOT NULL,
    CONSTRAINT fk_photos_job FOREIGN KEY (job_id) REFERENCES jobs (id)
);
CREATE INDEX ix_photos_job ON job_photos (job_id, report_id);
