package com.sundispatch.identity;

import java.time.Instant;

/** Two-factor sign-in was turned off for an account (by its owner). */
public record MfaDisabled(String eventId, String userId, Instant disabledAt) {
}
