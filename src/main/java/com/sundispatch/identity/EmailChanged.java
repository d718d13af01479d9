package com.sundispatch.identity;

import java.time.Instant;

/**
 * An account's email address changed. The notice goes to the old address, so its owner learns of a takeover;
 * never log this event (it holds both addresses).
 */
public record EmailChanged(String eventId, String userId, String oldEmail, String newEmail, Instant changedAt) {

    @Override
    public String toString() {
        return "EmailChanged[userId=" + userId + "]";
    }
}
