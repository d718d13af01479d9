package com.sundispatch.security;

/**
 * The system of record for sessions, asked only when the shared revocation store cannot answer, so that an
 * outage of Redis never lets a revoked session's token through. Implemented by the identity module.
 */
public interface SessionStatusSource {

    boolean isSessionRevoked(String sessionId);
}
