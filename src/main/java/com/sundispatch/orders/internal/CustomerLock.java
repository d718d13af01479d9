package com.sundispatch.orders.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row per customer that places orders, locked while an order is placed, so that the "at most N unpaid
 * orders" check and the insert happen as one step even when a customer fires many orders at once.
 */
@Entity
@Table(name = "order_customer_locks")
class CustomerLock {

    @Id
    @Column(name = "customer_id", length = 36)
    private String customerId;

    protected CustomerLock() {
    }

    CustomerLock(String customerId) {
        this.customerId = customerId;
    }
}
