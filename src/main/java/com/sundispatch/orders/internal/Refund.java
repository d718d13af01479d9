package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.sundispatch.orders.RefundIssued;

/**
 * Money owed back to a customer, executed through the payment provider. Created PENDING in the transaction that
 * decided it (with its credit note); settled once, by whichever of the provider's answer, its webhook or the
 * reconciliation comes first (a conditional update from PENDING).
 */
@Entity
@Table(name = "refunds")
class Refund {

    enum Status {
        PENDING, SUCCEEDED, FAILED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Column(name = "payment_id", nullable = false, length = 36)
    private String paymentId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private RefundIssued.Reason reason;

    @Column(length = 500)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(name = "requested_by", length = 36)
    private String requestedBy;

    @Column(name = "idempotency_key", nullable = false, length = 100)
    private String idempotencyKey;

    @Column(name = "provider_reference", length = 100)
    private String providerReference;

    @Column(name = "failure_code", length = 60)
    private String failureCode;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected Refund() {
    }

    Refund(String id, String orderId, String paymentId, BigDecimal amount, String currency,
            RefundIssued.Reason reason, String note, String requestedBy, String idempotencyKey, Instant now) {
        this.id = id;
        this.orderId = orderId;
        this.paymentId = paymentId;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.note = note;
        this.status = Status.PENDING;
        this.requestedBy = requestedBy;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = now;
    }

    String id() {
        return id;
    }

    String orderId() {
        return orderId;
    }

    String paymentId() {
        return paymentId;
    }

    BigDecimal amount() {
        return amount;
    }

    String currency() {
        return currency;
    }

    RefundIssued.Reason reason() {
        return reason;
    }

    String note() {
        return note;
    }

    Status status() {
        return status;
    }

    String requestedBy() {
        return requestedBy;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    String providerReference() {
        return providerReference;
    }

    String failureCode() {
        return failureCode;
    }

    int attempts() {
        return attempts;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant settledAt() {
        return settledAt;
    }
}
