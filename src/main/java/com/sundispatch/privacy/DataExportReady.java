package com.sundispatch.privacy;

import java.time.Instant;

/**
 * A person's data export is ready for download until {@code expiresAt}. Carries the download token sealed under
 * {@link #sealContext} (the event waits in the publication registry until the mail is sent); only the mail listener
 * unseals it.
 */
public record DataExportReady(String eventId, String userId, String exportId, String sealedToken, Instant expiresAt) {

    /** The context privacy links are sealed under, so a sealed token copied into another account's event fails. */
    public static String sealContext(String userId) {
        return "privacy-link:" + userId;
    }

    @Override
    public String toString() {
        return "DataExportReady[userId=" + userId + ", exportId=" + exportId + "]";
    }
}
