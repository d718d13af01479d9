package com.sundispatch.orders;

import java.time.Instant;

import com.sundispatch.shared.Money;

/**
 * Money is going back to a customer: a refund was created (with its credit note) in the transaction that
 * cancelled the order or that an admin's refund opened. Orders execute it through the payment provider from a
 * durable listener; notifications mail the customer with the credit note attached.
 */
public record RefundIssued(String eventId, String orderId, String customerId, String refundId, Money amount,
        Reason reason, String creditNoteId, Instant issuedAt) {

    public enum Reason {
        /** The customer cancelled before installation. */
        CANCELLED,
        /** An admin cancelled the installation (a dispute or work in progress). */
        CANCELLED_BY_ADMIN,
        /** The payment arrived after the order was cancelled or its reservation expired. */
        LATE_PAYMENT,
        /** An admin refunded part or all of the order (goodwill, a correction). */
        ADMIN
    }
}
