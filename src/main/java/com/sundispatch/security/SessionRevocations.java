package com.sundispatch.security;

import java.time.Instant;

/**
 * The sessions whose access tokens must be refused before they expire (logout, password change, ban,
 * refresh-token reuse). Checked on every authenticated request, so lookups are in memory.
 */
public interface SessionRevocations {

    /** Refuse every access token of this session until {@code until} (after that the tokens have expired). */
    void revoke(String sessionId, Instant until);

    boolean isRevoked(String sessionId);
}
