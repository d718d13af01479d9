package com.sundispatch.security;

/**
 * The system of record for sessions, asked only when the shared revocation store cannot answer, so that an
 * outage of Redis never lets a revoked session's token through. Implemented by the identity module.
 */
public interface SessionStatusSource {

    boolean isSessionRevoked(String sessionId);

    /**
     * Whether the session can still be used: it exists, was never revoked and has not expired. Asked off the
     * request path (before a push goes to a phone bound to the session), so it reads the database.
     */
    boolean isSessionLive(String sessionId);
}
