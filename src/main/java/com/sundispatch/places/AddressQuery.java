package com.sundispatch.places;

/** An address as a person typed it; {@code addressLine} may be blank (quotes need only the area). */
public record AddressQuery(String addressLine, String postalCode, String city, String country) {
}
