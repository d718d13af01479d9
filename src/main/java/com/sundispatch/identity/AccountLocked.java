package com.sundispatch.identity;

import java.time.Instant;

/** An account was locked for a while after repeated suspicious activity; its owner is told by mail. */
public record AccountLocked(String eventId, String userId, String email, String fullName, Instant lockedAt, Instant lockedUntil,
        String reason) {

    @Override
    public String toString() {
        return "AccountLocked[userId=" + userId + ", until=" + lockedUntil + "]";
    }
}
