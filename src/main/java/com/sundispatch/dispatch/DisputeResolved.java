package com.sundispatch.dispatch;

import java.time.Instant;

/**
 * An admin resolved a dispute: back to the installer for rework, completed, or cancelled with a refund.
 * {@code note} is the admin's explanation to both parties.
 */
public record DisputeResolved(String eventId, String jobId, String orderId, String customerId, String installerId,
        Outcome outcome, String note, Instant resolvedAt) {

    public enum Outcome {
        REWORK, COMPLETE, CANCEL
    }
}
