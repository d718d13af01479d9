package com.sundispatch.dispatch;

import java.time.Instant;

/**
 * The installer submitted the completion report; the customer is asked to confirm or dispute it by
 * {@code confirmBy}, after which it is confirmed automatically.
 */
public record CompletionSubmitted(String eventId, String jobId, String orderId, String customerId,
        String installerId, String companyName, int photoCount, Instant confirmBy, Instant submittedAt) {
}
