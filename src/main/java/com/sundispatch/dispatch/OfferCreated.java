package com.sundispatch.dispatch;

import java.time.Instant;

import com.sundispatch.places.Point;

/**
 * A job was offered to an installer until {@code expiresAt}. Carries only what an installer may know before
 * accepting: the place to postal-code precision, the distance in whole km, a point snapped to the ~1 km grid
 * ({@code approximateLocation}), the window and the size; never the customer's name, street, contact or exact
 * point.
 */
public record OfferCreated(String eventId, String offerId, String jobId, String installerId, String city,
        String postalCode, String country, int distanceKm, Point approximateLocation, Instant windowStart,
        Instant windowEnd, int panelCount, Instant expiresAt) {
}
