package com.sundispatch.dispatch;

import java.time.Instant;

/** An installer let an offer run out. */
public record OfferExpired(String eventId, String offerId, String jobId, String installerId, Instant expiredAt) {
}
