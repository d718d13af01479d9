-- Orders with their lines, payments, and the provider events already processed.
CREATE TABLE orders (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_id      VARCHAR(36)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    panels_total     DECIMAL(12,2) NOT NULL,
    installation_fee DECIMAL(12,2) NOT NULL,
    total            DECIMAL(12,2) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    address_line     VARCHAR(200)  NOT NULL,
    city             VARCHAR(100)  NOT NULL,
    postal_code      VARCHAR(12)   NOT NULL,
    country          CHAR(2)       NOT NULL,
    latitude         DOUBLE        NOT NULL,
    longitude        DOUBLE        NOT NULL,
    preferred_start  DATETIME(6)   NOT NULL,
    preferred_end    DATETIME(6)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    reserved_until   DATETIME(6)   NOT NULL,
    paid_at          DATETIME(6),
    cancelled_at     DATETIME(6),
    refund_due       BOOLEAN       NOT NULL DEFAULT FALSE,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES users (id)
);
CREATE INDEX ix_orders_customer ON orders (customer_id, created_at);
CREATE INDEX ix_orders_status_reserved ON orders (status, reserved_until);

CREATE TABLE order_items (
    order_id   VARCHAR(36)   NOT NULL,
    line_no    INT           NOT NULL,
    panel_id   VARCHAR(36)   NOT NULL,
    panel_name VARCHAR(120)  NOT NULL,
    quantity   INT           NOT NULL,
    unit_price DECIMAL(10,2) NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_items_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT fk_order_items_panel FOREIGN KEY (panel_id) REFERENCES panels (id)
);

CREATE TABLE payments (
    id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id   VARCHAR(36)   NOT NULL,
    provider   VARCHAR(20)   NOT NULL,
    status     VARCHAR(24)   NOT NULL,
    amount     DECIMAL(12,2) NOT NULL,
    currency   CHAR(3)       NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
CREATE INDEX ix_payments_order ON payments (order_id, status);

CREATE TABLE processed_webhook_events (
    event_id     VARCHAR(100) NOT NULL PRIMARY KEY,
    processed_at DATETIME(6)  NOT NULL
);
