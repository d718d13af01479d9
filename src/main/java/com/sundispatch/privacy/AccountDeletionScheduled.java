package com.sundispatch.privacy;

import java.time.Instant;

/**
 * An account will be erased at {@code dueAt} unless its owner keeps it; the mail carries an undo link whose token
 * is sealed like {@link DataExportReady}'s.
 */
public record AccountDeletionScheduled(String eventId, String userId, String sealedUndoToken, Instant dueAt) {

    @Override
    public String toString() {
        return "AccountDeletionScheduled[userId=" + userId + ", dueAt=" + dueAt + "]";
    }
}
