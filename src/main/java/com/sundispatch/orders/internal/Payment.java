package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "payments")
class Payment {

    enum Status {
        REQUIRES_CONFIRMATION, SUCCEEDED, FAILED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Column(nullable = false, length = 20)
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Status status;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "provider_reference", length = 100)
    private String providerReference;

    /** What a refund names at the provider (Stripe: the PaymentIntent), known once the payment succeeded. */
    @Column(name = "charge_reference", length = 100)
    private String chargeReference;

    @Column(name = "checkout_url", length = 500)
    private String checkoutUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Payment() {
    }

    Payment(String id, String orderId, String provider, BigDecimal amount, String currency, Instant now) {
        this.id = id;
        this.orderId = orderId;
        this.provider = provider;
        this.status = Status.REQUIRES_CONFIRMATION;
        this.amount = amount;
        this.currency = currency;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String orderId() {
        return orderId;
    }

    String provider() {
        return provider;
    }

    Status status() {
        return status;
    }

    BigDecimal amount() {
        return amount;
    }

    String currency() {
        return currency;
    }

    String providerReference() {
        return providerReference;
    }

    String chargeReference() {
        return chargeReference;
    }

    String checkoutUrl() {
        return checkoutUrl;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

}
