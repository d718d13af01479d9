package com.sundispatch.dispatch;

import java.time.Instant;

/** A completion report has waited for the customer's answer for a few days: remind them of {@code confirmBy}. */
public record CompletionReminderDue(String eventId, String jobId, String orderId, String customerId,
        String companyName, Instant confirmBy, Instant remindedAt) {
}
