package com.sundispatch.identity;

import java.time.Instant;

/** A recovery code was used to sign in; {@code remaining} codes are left. Never carries the code. */
public record RecoveryCodeUsed(String eventId, String userId, int remaining, Instant usedAt) {
}
