package com.sundispatch.orders;

import java.time.Instant;

import com.sundispatch.shared.Money;

/**
 * An order was cancelled. {@code refundDue} when it had been paid, then {@code refundAmount} is what the
 * customer gets back; otherwise it is null.
 */
public record OrderCancelled(String eventId, String orderId, String customerId, Reason reason, boolean refundDue,
        Money refundAmount, Instant cancelledAt) {

    public enum Reason {
        /** The customer cancelled it. */
        CUSTOMER,
        /** It was not paid before its reservation ran out. */
        RESERVATION_EXPIRED,
        /** An admin cancelled it after the installation had started (a dispute resolution or a cancellation). */
        ADMIN
    }
}
