package com.sundispatch.dispatch;

import java.time.Instant;

/** The assigned installer finished the installation; the customer may review it. */
public record JobCompleted(String eventId, String jobId, String orderId, String customerId, String installerId,
        String companyName, Instant completedAt) {
}
