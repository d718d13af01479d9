package com.sundispatch.dispatch;

import java.time.Instant;

import com.sundispatch.shared.Actor;

/**
 * One party proposed an appointment for the installation; the other may accept it or propose another.
 * {@code timeZone} is the installation's (an IANA id), for showing the time as it is on site.
 */
public record AppointmentProposed(String eventId, String jobId, String orderId, String customerId,
        String installerId, String proposalId, Actor proposedBy, Instant start, Instant end, String timeZone,
        Instant proposedAt) {
}
