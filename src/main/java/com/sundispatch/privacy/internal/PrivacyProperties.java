package com.sundispatch.privacy.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sundispatch.privacy.*}: how long a mailed export link works, how often a person may ask for an export, the
 * grace period before a scheduled deletion is carried out, and how often the erasure job looks for due accounts.
 */
@ConfigurationProperties("sundispatch.privacy")
public record PrivacyProperties(@DefaultValue("PT24H") Duration exportValidity,
        @DefaultValue("PT24H") Duration exportInterval, @DefaultValue("P14D") Duration deletionGrace,
        @DefaultValue("PT15M") Duration erasureInterval) {

    public PrivacyProperties {
        if (exportValidity.isNegative() || exportValidity.isZero() || exportInterval.isNegative()
                || deletionGrace.isNegative() || erasureInterval.isNegative() || erasureInterval.isZero()) {
            throw new IllegalArgumentException("sundispatch.privacy durations must be positive");
        }
    }
}
