package com.sundispatch.identity;

import java.time.Instant;

/** An account's password changed, by its owner ({@code viaReset} false) or through a reset link. */
public record PasswordChanged(String eventId, String userId, boolean viaReset, Instant changedAt) {
}
