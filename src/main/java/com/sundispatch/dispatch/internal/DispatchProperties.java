package com.sundispatch.dispatch.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Offer lifetime, offers per round and the search radii ({@code sundispatch.dispatch.*}). */
@ConfigurationProperties("sundispatch.dispatch")
public record DispatchProperties(
        @DefaultValue("PT10M") Duration offerTtl,
        @DefaultValue("3") int offersPerRound,
        @DefaultValue("25") double initialRadiusKm,
        @DefaultValue("100") double maxRadiusKm,
        @DefaultValue("PT5S") Duration expiryCheckInterval) {

    public DispatchProperties {
        if (offersPerRound < 1 || initialRadiusKm <= 0 || maxRadiusKm < initialRadiusKm) {
            throw new IllegalArgumentException("dispatch: offers-per-round >= 1 and 0 < initial radius <= max radius");
        }
    }
}
