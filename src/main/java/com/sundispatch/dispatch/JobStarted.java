package com.sundispatch.dispatch;

import java.time.Instant;

/** The assigned installer started the installation. */
public record JobStarted(String eventId, String jobId, String orderId, String customerId, String installerId,
        String companyName, Instant startedAt) {
}
