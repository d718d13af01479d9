-- Panels, FAQ and the record of admin changes to them.
CREATE TABLE panels (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    name               VARCHAR(120)  NOT NULL,
    manufacturer       VARCHAR(80)   NOT NULL,
    watts_peak         INT           NOT NULL,
    efficiency_percent DECIMAL(4,1)  NOT NULL,
    price              DECIMAL(10,2) NOT NULL,
    currency           CHAR(3)       NOT NULL,
    stock              INT           NOT NULL,
    warranty_years     INT           NOT NULL,
    photo_urls         VARCHAR(2000),
    retired            BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_panels_stock CHECK (stock >= 0)
);
CREATE INDEX ix_panels_price ON panels (retired, price);
CREATE INDEX ix_panels_watts ON panels (retired, watts_peak);

CREATE TABLE faq_entries (
    id       VARCHAR(36)   NOT NULL PRIMARY KEY,
    position INT           NOT NULL,
    question VARCHAR(300)  NOT NULL,
    answer   VARCHAR(4000) NOT NULL
);

CREATE TABLE catalog_changes (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    changed_at DATETIME(6)  NOT NULL,
    admin_id   VARCHAR(36)  NOT NULL,
    action     VARCHAR(30)  NOT NULL,
    subject_id VARCHAR(36),
    summary    VARCHAR(500)
);
CREATE INDEX ix_catalog_changes_subject ON catalog_changes (subject_id);
