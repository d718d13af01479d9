package com.sundispatch.dispatch;

import java.time.Instant;

/** A customer reviewed a completed installation; the installer hears the rating and comment. */
public record ReviewSubmitted(String eventId, String reviewId, String jobId, String installerId, String customerId,
        int rating, String comment, Instant submittedAt) {
}
