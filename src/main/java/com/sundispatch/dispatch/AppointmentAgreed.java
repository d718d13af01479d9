package com.sundispatch.dispatch;

import java.time.Instant;

import com.sundispatch.shared.Actor;

/** Both parties agree on the appointment ({@code agreedBy} accepted the other's proposal); the job is SCHEDULED. */
public record AppointmentAgreed(String eventId, String jobId, String orderId, String customerId, String installerId,
        String companyName, Actor agreedBy, Instant start, Instant end, String timeZone, Instant agreedAt) {
}
