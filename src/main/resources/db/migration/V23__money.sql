-- Issue 17: money done right. VAT split of every order, the installer bound to the order, the provider's
-- references on payments, refunds executed through the provider, invoices and credit notes with gapless numbers,
-- the append-only ledger and installer payouts. Orders placed before this version get their VAT split computed by
-- the application on read (tax columns null).
ALTER TABLE orders ADD COLUMN vat_rate DECIMAL(5,2);
ALTER TABLE orders ADD COLUMN net_total DECIMAL(12,2);
ALTER TABLE orders ADD COLUMN vat_total DECIMAL(12,2);
ALTER TABLE orders ADD COLUMN installer_id VARCHAR(36);
CREATE INDEX ix_orders_created ON orders (created_at);
CREATE INDEX ix_orders_status_created ON orders (status, created_at);

ALTER TABLE payments ADD COLUMN provider_reference VARCHAR(100);
ALTER TABLE payments ADD COLUMN charge_reference VARCHAR(100);
ALTER TABLE payments ADD COLUMN checkout_url VARCHAR(500);
CREATE INDEX ix_payments_status_created ON payments (status, created_at);
CREATE UNIQUE INDEX ux_payments_provider_reference ON payments (provider, provider_reference);

CREATE TABLE refunds (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id            VARCHAR(36)   NOT NULL,
    payment_id          VARCHAR(36)   NOT NULL,
    amount              DECIMAL(12,2) NOT NULL,
    currency            CHAR(3)       NOT NULL,
    reason              VARCHAR(24)   NOT NULL,
    note                VARCHAR(500),
    status              VARCHAR(12)   NOT NULL,
    requested_by        VARCHAR(36),
    idempotency_key     VARCHAR(100)  NOT NULL,
    provider_reference  VARCHAR(100),
    failure_code        VARCHAR(60),
    attempts            INT           NOT NULL DEFAULT 0,
    created_at          DATETIME(6)   NOT NULL,
    settled_at          DATETIME(6),
    CONSTRAINT fk_refunds_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT fk_refunds_payment FOREIGN KEY (payment_id) REFERENCES payments (id),
    CONSTRAINT ux_refunds_idempotency UNIQUE (order_id, idempotency_key)
);
CREATE INDEX ix_refunds_status ON refunds (status, created_at);

-- One counter row per document series and year, locked while a number is taken: gapless, never reused.
CREATE TABLE document_sequences (
    series     VARCHAR(8) NOT NULL,
    doc_year   INT        NOT NULL,
    last_value BIGINT     NOT NULL,
    PRIMARY KEY (series, doc_year)
);

CREATE TABLE billing_documents (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    doc_type                VARCHAR(12)   NOT NULL,
    doc_number              VARCHAR(24)   NOT NULL,
    series                  VARCHAR(8)    NOT NULL,
    doc_year                INT           NOT NULL,
    sequence_no             BIGINT        NOT NULL,
    order_id                VARCHAR(36)   NOT NULL,
    customer_id             VARCHAR(36)   NOT NULL,
    refund_id               VARCHAR(36),
    related_number          VARCHAR(24),
    issued_on               DATE          NOT NULL,
    issued_at               DATETIME(6)   NOT NULL,
    currency                CHAR(3)       NOT NULL,
    vat_rate                DECIMAL(5,2)  NOT NULL,
    net_total               DECIMAL(12,2) NOT NULL,
    vat_total               DECIMAL(12,2) NOT NULL,
    gross_total             DECIMAL(12,2) NOT NULL,
    seller_name             VARCHAR(200)  NOT NULL,
    seller_address          VARCHAR(500)  NOT NULL,
    seller_vat_id           VARCHAR(40)   NOT NULL,
    seller_contact          VARCHAR(200)  NOT NULL,
    buyer_name              VARCHAR(200)  NOT NULL,
    buyer_address_line      VARCHAR(200)  NOT NULL,
    buyer_postal_code       VARCHAR(12)   NOT NULL,
    buyer_city              VARCHAR(100)  NOT NULL,
    buyer_country           CHAR(2)       NOT NULL,
    note                    VARCHAR(500),
    CONSTRAINT ux_billing_documents_number UNIQUE (doc_number),
    CONSTRAINT ux_billing_documents_sequence UNIQUE (series, doc_year, sequence_no),
    CONSTRAINT ux_billing_documents_refund UNIQUE (refund_id)
);
CREATE INDEX ix_billing_documents_order ON billing_documents (order_id, issued_at);

CREATE TABLE billing_document_lines (
    document_id  VARCHAR(36)   NOT NULL,
    line_no      INT           NOT NULL,
    description  VARCHAR(200)  NOT NULL,
    quantity     INT           NOT NULL,
    unit_gross   DECIMAL(12,2) NOT NULL,
    net          DECIMAL(12,2) NOT NULL,
    vat_rate     DECIMAL(5,2)  NOT NULL,
    vat          DECIMAL(12,2) NOT NULL,
    gross        DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (document_id, line_no),
    CONSTRAINT fk_document_lines_document FOREIGN KEY (document_id) REFERENCES billing_documents (id)
);

-- Append-only: the application inserts and never updates or deletes a row.
CREATE TABLE ledger_entries (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id      VARCHAR(36)   NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    from_account  VARCHAR(20)   NOT NULL,
    to_account    VARCHAR(20)   NOT NULL,
    amount        DECIMAL(12,2) NOT NULL,
    currency      CHAR(3)       NOT NULL,
    reference     VARCHAR(100),
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT ux_ledger_kind_reference UNIQUE (order_id, kind, reference)
);
CREATE INDEX ix_ledger_order ON ledger_entries (order_id, created_at);
CREATE INDEX ix_ledger_created ON ledger_entries (created_at);

CREATE TABLE payouts (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id      VARCHAR(36)   NOT NULL,
    installer_id  VARCHAR(36)   NOT NULL,
    base_amount   DECIMAL(12,2) NOT NULL,
    fee           DECIMAL(12,2) NOT NULL,
    amount        DECIMAL(12,2) NOT NULL,
    currency      CHAR(3)       NOT NULL,
    status        VARCHAR(8)    NOT NULL,
    due_at        DATETIME(6)   NOT NULL,
    paid_at       DATETIME(6),
    paid_by       VARCHAR(36),
    reference     VARCHAR(64),
    CONSTRAINT ux_payouts_order UNIQUE (order_id)
);
CREATE INDEX ix_payouts_installer ON payouts (installer_id, due_at);
CREATE INDEX ix_payouts_status ON payouts (status, due_at);
