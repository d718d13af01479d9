package com.sundispatch.orders;

import java.time.Instant;

/** An order was paid: its installation can be dispatched. Published after the payment is committed. */
public record OrderPaid(String orderId, String customerId, double latitude, double longitude,
        Instant preferredStart, Instant preferredEnd, int panelCount) {
}
