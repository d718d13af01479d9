package com.sundispatch.dispatch;

import java.time.Instant;

/** No installer accepted a job within the widest radius: the customer is told and admins alerted. */
public record JobUnassigned(String eventId, String jobId, String orderId, String customerId, String city,
        String postalCode, Instant unassignedAt) {
}
