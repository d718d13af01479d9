package com.sundispatch.dispatch;

import java.time.Instant;

/**
 * An installer accepted a job. Carries what the customer is told about who comes and when: company, the
 * installer's name, their rating so far ({@code averageRating} null before the first review) and the window.
 */
public record JobAssigned(String eventId, String jobId, String orderId, String customerId, String installerId,
        String companyName, String installerName, Double averageRating, long reviewCount, Instant windowStart,
        Instant windowEnd, Instant assignedAt) {
}
