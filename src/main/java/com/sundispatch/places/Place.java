package com.sundispatch.places;
import jakarta.annotation.Nullable;


/**
 * A place a person can recognise: what a suggestion, a geocoded address or a reverse lookup answers.
 * {@code addressLine} is empty unless the place is a street address; {@code region} is the state or canton;
 * {@code country} is ISO 3166-1 alpha-2; {@code label} is the one line to show ("10117 Berlin, DE").
 */
public record Place(String label, @Nullable String addressLine, @Nullable String postalCode, @Nullable String city, @Nullable String region,
        String country, double latitude, double longitude, Precision precision) {

    public Point point() {
        return new Point(latitude, longitude);
    }
}
