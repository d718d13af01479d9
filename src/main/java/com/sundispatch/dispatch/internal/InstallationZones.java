package com.sundispatch.dispatch.internal;

import java.time.ZoneId;
import java.util.Map;

/**
 * The time zone of an installation site by its country. The countries served today each have one zone; an
 * unknown country falls back to Central European time, where the service runs.
 */
final class InstallationZones {

    private static final ZoneId FALLBACK = ZoneId.of("Europe/Berlin");
    private static final Map<String, ZoneId> BY_COUNTRY = Map.of(
            "DE", ZoneId.of("Europe/Berlin"),
            "AT", ZoneId.of("Europe/Vienna"),
            "CH", ZoneId.of("Europe/Zurich"));

    private InstallationZones() {
    }

    static ZoneId of(String country) {
        return country == null ? FALLBACK : BY_COUNTRY.getOrDefault(country, FALLBACK);
    }
}
