package com.sundispatch.identity;

import java.time.Instant;

/**
 * An admin banned an account until {@code until} (far future for a ban without end). Published inside the
 * banning transaction, so other modules' reactions (dispatch stops offering work) commit with the ban.
 */
public record AccountBanned(String eventId, String userId, Instant until) {
}
