package com.sundispatch.dispatch;

import java.time.Instant;

/** Another installer accepted the job first: this installer's offer for it was withdrawn. */
public record OfferTaken(String eventId, String offerId, String jobId, String installerId, Instant takenAt) {
}
