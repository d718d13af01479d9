package com.sundispatch.places.internal;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Geocoding settings ({@code sundispatch.places.*}). An empty {@code geocoderUrl} means the offline gazetteer
 * only; {@code geocoderRequestsPerSecond} is the budget for the online service (Nominatim's usage policy allows
 * one a second); when it is spent the gazetteer answers instead of waiting.
 */
@Validated
@ConfigurationProperties("sundispatch.places")
public record PlacesProperties(
        @DefaultValue("") String geocoderUrl,
        @DefaultValue("") @Pattern(regexp = "[\\x20-\\x7e]{0,200}", message = "must be printable ASCII")
        String geocoderUserAgent,
        @DefaultValue("") @Pattern(regexp = "[\\x20-\\x7e]{0,200}", message = "must be printable ASCII")
        String geocoderContact,
        @DefaultValue("1") @DecimalMin("0.01") @DecimalMax("10000") double geocoderRequestsPerSecond,
        @DefaultValue("PT3S") @NotNull Duration geocoderTimeout,
        @DefaultValue("PT24H") @NotNull Duration cacheTtl,
        @DefaultValue("10000") @Min(0) @Max(1_000_000) long cacheSize,
        @DefaultValue("5") @DecimalMin("0.1") @DecimalMax("50") double maxPinCorrectionKm) {

    public PlacesProperties {
        if (geocoderTimeout.isNegative() || geocoderTimeout.isZero() || geocoderTimeout.toMillis() > 5_000) {
            throw new IllegalArgumentException("sundispatch.places.geocoder-timeout must be between 1 ms and 5 s");
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("sundispatch.places.cache-ttl must not be negative");
        }
    }

    public boolean online() {
        return !geocoderUrl.isBlank();
    }
}
