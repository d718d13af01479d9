package com.sundispatch.identity;

import java.time.Instant;

/**
 * An account's email address changed. The notice goes to the old address, so its owner learns of a takeover,
 * with a link to undo the change until {@code undoUntil}; that link's token is sealed like the one of
 * {@link EmailVerificationRequested} (same {@link EmailVerificationRequested#sealContext}). Never log this event
 * (it holds both addresses).
 */
public record EmailChanged(String eventId, String userId, String oldEmail, String newEmail, Instant changedAt,
        String sealedUndoToken, Instant undoUntil) {

    @Override
    public String toString() {
        return "EmailChanged[userId=" + userId + "]";
    }
}
