package com.sundispatch.identity;

import java.time.Instant;

/**
 * An account signed in from a device it had not used before. {@code browser} and {@code operatingSystem} are
 * families read from the User-Agent ("Firefox", "Windows"); {@code network} is a coarse description of where
 * (an address prefix such as "203.0.113.0/24"), never the full address.
 */
public record NewDeviceSignIn(String eventId, String userId, String browser, String operatingSystem,
        String network, Instant signedInAt) {
}
