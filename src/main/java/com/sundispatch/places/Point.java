package com.sundispatch.places;

/** A WGS 84 point in decimal degrees. */
public record Point(double latitude, double longitude) {
}
