-- One row per ordering customer, locked while an order is placed (the unpaid-order limit holds under races).
CREATE TABLE order_customer_locks (
    customer_id VARCHAR(36) NOT NULL PRIMARY KEY
);
