package com.sundispatch.dispatch;

import java.time.Instant;

/** The customer disputed the completion report; admins decide. {@code reason} is the customer's own words. */
public record JobDisputed(String eventId, String jobId, String orderId, String customerId, String installerId,
        String companyName, String reason, Instant disputedAt) {
}
