package com.sundispatch.orders.internal;

import java.time.Instant;

/**
 * An installation as the customer asked for it: the address as typed, an optional map-pin correction (both
 * coordinates or neither) and the preferred window. The point is not known yet: placing the order geocodes it.
 */
public record RequestedInstallation(String addressLine, String city, String postalCode, String country,
        Double pinLatitude, Double pinLongitude, Instant preferredStart, Instant preferredEnd) {
}
