package com.sundispatch.identity;

import java.time.Instant;

/** Two-factor sign-in was turned on for an account. */
public record MfaEnabled(String eventId, String userId, Instant enabledAt) {
}
