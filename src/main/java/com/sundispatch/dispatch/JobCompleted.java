package com.sundispatch.dispatch;

import java.time.Instant;

import com.sundispatch.shared.Actor;

/**
 * The installation is complete: the customer confirmed the report ({@code confirmedBy} CUSTOMER), nobody answered
 * in time (SYSTEM) or an admin resolved a dispute (ADMIN). The customer may review it. {@code confirmedBy} is
 * null in events stored before 0.11.0.
 */
public record JobCompleted(String eventId, String jobId, String orderId, String customerId, String installerId,
        String companyName, Instant completedAt, Actor confirmedBy) {
}
