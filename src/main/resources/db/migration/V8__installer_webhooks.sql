-- Installers' webhooks (secret encrypted) and every delivery attempt.
CREATE TABLE installer_webhooks (
    installer_id VARCHAR(36)   NOT NULL PRIMARY KEY,
    url          VARCHAR(2000) NOT NULL,
    secret_enc   VARCHAR(300)  NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_webhooks_installer FOREIGN KEY (installer_id) REFERENCES installer_profiles (user_id)
);

CREATE TABLE webhook_deliveries (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    installer_id VARCHAR(36)  NOT NULL,
    event_id     VARCHAR(40)  NOT NULL,
    event_type   VARCHAR(30)  NOT NULL,
    attempt      INT          NOT NULL,
    outcome      VARCHAR(12)  NOT NULL,
    http_status  INT,
    error        VARCHAR(200),
    attempted_at DATETIME(6)  NOT NULL
);
CREATE INDEX ix_deliveries_installer ON webhook_deliveries (installer_id, attempted_at);
