package com.sundispatch.notifications.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A time, or a span when {@code end} is set, as it is on site: shown in the installation's time zone rather
 * than the service's, so a homeowner in Vienna and their installer read the same wall-clock time ("Thursday
 * 3 December 2026, 09:00–17:00 CET"). A null zone falls back to the service's.
 */
record SiteTime(Instant start, Instant end, ZoneId zone) {

    /** From an event's IANA id; an unknown or missing id falls back to the service's zone instead of failing. */
    static SiteTime of(Instant start, Instant end, String timeZone) {
        return new SiteTime(start, end, zone(timeZone));
    }

    static SiteTime at(Instant time, String timeZone) {
        return of(time, null, timeZone);
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
