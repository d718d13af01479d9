package com.sundispatch.identity.internal;

import java.time.Duration;
import java.time.Instant;

/** What presenting a refresh token means, as a rule free of storage and framework. */
final class RefreshTokenRules {

    enum Outcome {
        /** A live token of a live session: issue a new pair, retire this token. */
        ROTATE,
        /** A token that was already exchanged: someone holds a copy, so the whole session ends. */
        REPLAYED,
        /** Idle or absolute lifetime is over. */
        EXPIRED,
        /** The session was ended (logout, password change, ban, earlier replay). */
        SESSION_ENDED
    }

    private RefreshTokenRules() {
    }

    static Outcome decide(RefreshToken.Status status, Instant tokenExpiresAt, boolean sessionRevoked,
            Instant sessionExpiresAt, Instant now) {
        if (sessionRevoked) {
            return Outcome.SESSION_ENDED;
        }
        if (status == RefreshToken.Status.ROTATED) {
            return Outcome.REPLAYED;
        }
        if (!now.isBefore(tokenExpiresAt) || !now.isBefore(sessionExpiresAt)) {
            return Outcome.EXPIRED;
        }
        return Outcome.ROTATE;
    }

    /** A new token lives for the idle timeout, but never past the session's absolute end. */
    static Instant nextExpiry(Instant now, Duration idle, Instant sessionExpiresAt) {
        Instant idleEnd = now.plus(idle);
        return idleEnd.isBefore(sessionExpiresAt) ? idleEnd : sessionExpiresAt;
    }
}
