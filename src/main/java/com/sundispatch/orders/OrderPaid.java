package com.sundispatch.orders;

import java.time.Instant;

/**
 * An order was paid: its installation can be dispatched. Published inside the transaction that records the
 * payment, so the job exists exactly when the payment does. Carries where and when to install; the
 * customer's contact details stay in identity.
 */
public record OrderPaid(String orderId, String customerId, double latitude, double longitude,
        Instant preferredStart, Instant preferredEnd, int panelCount, String addressLine, String city,
        String postalCode, String country) {
}
