package com.sundispatch.orders.internal;

import java.time.Instant;

/** Where and when the panels are to be installed. */
public record InstallationAddress(String addressLine, String city, String postalCode, String country,
        double latitude, double longitude, Instant preferredStart, Instant preferredEnd) {
}
