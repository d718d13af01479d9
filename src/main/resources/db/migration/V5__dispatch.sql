-- Installer applications and profiles, availability, jobs, offers, bookings and reviews.
CREATE TABLE installer_applications (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id           VARCHAR(36)  NOT NULL,
    status            VARCHAR(12)  NOT NULL,
    company_name      VARCHAR(120) NOT NULL,
    license_number    VARCHAR(40)  NOT NULL,
    base_latitude     DOUBLE       NOT NULL,
    base_longitude    DOUBLE       NOT NULL,
    service_radius_km INT          NOT NULL,
    phone             VARCHAR(32)  NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    decided_at        DATETIME(6),
    decided_by        VARCHAR(36),
    reject_reason     VARCHAR(500),
    CONSTRAINT fk_applications_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_applications_user ON installer_applications (user_id, status);
CREATE INDEX ix_applications_status ON installer_applications (status, created_at);

CREATE TABLE installer_profiles (
    user_id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    company_name      VARCHAR(120) NOT NULL,
    license_number    VARCHAR(40)  NOT NULL,
    base_latitude     DOUBLE       NOT NULL,
    base_longitude    DOUBLE       NOT NULL,
    service_radius_km INT          NOT NULL,
    phone             VARCHAR(32)  NOT NULL,
    rating_sum        BIGINT       NOT NULL DEFAULT 0,
    rating_count      BIGINT       NOT NULL DEFAULT 0,
    approved_at       DATETIME(6)  NOT NULL,
    CONSTRAINT fk_profiles_user FOREIGN KEY (user_id) REFERENCES users (id)
);
-- The candidate search's bounding-box prefilter.
CREATE INDEX ix_profiles_location ON installer_profiles (base_latitude, base_longitude);

CREATE TABLE availability_slots (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    installer_id VARCHAR(36) NOT NULL,
    start_at     DATETIME(6) NOT NULL,
    end_at       DATETIME(6) NOT NULL,
    CONSTRAINT fk_slots_installer FOREIGN KEY (installer_id) REFERENCES installer_profiles (user_id)
);
CREATE INDEX ix_slots_installer ON availability_slots (installer_id, start_at);

CREATE TABLE jobs (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    order_id        VARCHAR(36)  NOT NULL,
    customer_id     VARCHAR(36)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    latitude        DOUBLE       NOT NULL,
    longitude       DOUBLE       NOT NULL,
    address_line    VARCHAR(200) NOT NULL,
    city            VARCHAR(100) NOT NULL,
    postal_code     VARCHAR(12)  NOT NULL,
    country         CHAR(2)      NOT NULL,
    window_start    DATETIME(6)  NOT NULL,
    window_end      DATETIME(6)  NOT NULL,
    panel_count     INT          NOT NULL,
    attempt         INT          NOT NULL DEFAULT 0,
    round           INT          NOT NULL DEFAULT 0,
    installer_id    VARCHAR(36),
    created_at      DATETIME(6)  NOT NULL,
    assigned_at     DATETIME(6),
    started_at      DATETIME(6),
    completed_at    DATETIME(6),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_jobs_order UNIQUE (order_id),
    CONSTRAINT fk_jobs_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
CREATE INDEX ix_jobs_status ON jobs (status, created_at);
CREATE INDEX ix_jobs_installer ON jobs (installer_id, status);
CREATE INDEX ix_jobs_customer ON jobs (customer_id);

CREATE TABLE job_offers (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    job_id       VARCHAR(36) NOT NULL,
    installer_id VARCHAR(36) NOT NULL,
    attempt      INT         NOT NULL,
    round        INT         NOT NULL,
    distance_km  DOUBLE      NOT NULL,
    status       VARCHAR(12) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    CONSTRAINT uk_offers_once UNIQUE (job_id, attempt, installer_id),
    CONSTRAINT fk_offers_job FOREIGN KEY (job_id) REFERENCES jobs (id)
);
CREATE INDEX ix_offers_installer ON job_offers (installer_id, status);
CREATE INDEX ix_offers_open ON job_offers (status, expires_at);

CREATE TABLE installer_bookings (
    job_id       VARCHAR(36) NOT NULL PRIMARY KEY,
    installer_id VARCHAR(36) NOT NULL,
    start_at     DATETIME(6) NOT NULL,
    end_at       DATETIME(6) NOT NULL
);
CREATE INDEX ix_bookings_installer ON installer_bookings (installer_id, start_at);

CREATE TABLE reviews (
    job_id       VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_id  VARCHAR(36)   NOT NULL,
    installer_id VARCHAR(36)   NOT NULL,
    rating       INT           NOT NULL,
    comment      VARCHAR(2000),
    created_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_reviews_job FOREIGN KEY (job_id) REFERENCES jobs (id)
);
