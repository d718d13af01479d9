package com.sundispatch.dispatch;

import java.time.Instant;

/** A job an installer had accepted was cancelled (its order was cancelled): the installer is told. */
public record JobCancelled(String eventId, String jobId, String orderId, String installerId, Instant cancelledAt) {
}
