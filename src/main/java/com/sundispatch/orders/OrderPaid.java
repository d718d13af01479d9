package com.sundispatch.orders;

import java.time.Instant;

import com.sundispatch.shared.Money;

/**
 * An order was paid: its installation can be dispatched. Published inside the transaction that records the
 * payment, so the job exists exactly when the payment does. Carries where and when to install and what was
 * paid (for the receipt) and the invoice issued with it ({@code invoiceId}; null for events stored before 0.12.0);
 * the customer's contact details stay in identity.
 */
public record OrderPaid(String eventId, String orderId, String customerId, String paymentId, Money amount,
        Instant paidAt, double latitude, double longitude, Instant preferredStart, Instant preferredEnd,
        int panelCount, String addressLine, String city, String postalCode, String country, String invoiceId) {
}
