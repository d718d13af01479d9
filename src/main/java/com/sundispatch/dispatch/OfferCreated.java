package com.sundispatch.dispatch;

import java.time.Instant;

/**
 * A job was offered to an installer until {@code expiresAt}. Carries only what an installer may know before
 * accepting: the place to postal-code precision, the distance, the window and the size; never the customer's
 * name, street or contact.
 */
public record OfferCreated(String eventId, String offerId, String jobId, String installerId, String city,
        String postalCode, String country, double distanceKm, Instant windowStart, Instant windowEnd,
        int panelCount, Instant expiresAt) {
}
