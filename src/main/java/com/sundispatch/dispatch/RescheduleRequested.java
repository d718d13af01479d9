package com.sundispatch.dispatch;

import java.time.Instant;

import com.sundispatch.shared.Actor;

/**
 * One party gave up the agreed appointment ({@code previousStart}); the job is ASSIGNED again and a new date is
 * to be agreed. {@code reason} is the requesting party's own words (plain text, at most 500 characters).
 */
public record RescheduleRequested(String eventId, String jobId, String orderId, String customerId,
        String installerId, Actor requestedBy, Instant previousStart, String reason, String timeZone,
        Instant requestedAt) {
}
