package com.sundispatch.orders.internal;

import java.time.Instant;

import com.sundispatch.places.Precision;

/**
 * Where and when the panels are to be installed. The point is derived from the address (and the customer's
 * map-pin correction, if any); {@code precision} says how exactly the address was placed, null for orders
 * placed before addresses were geocoded.
 */
public record InstallationAddress(String addressLine, String city, String postalCode, String country,
        double latitude, double longitude, Precision precision, Instant preferredStart, Instant preferredEnd) {
}
