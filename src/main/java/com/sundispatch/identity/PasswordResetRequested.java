package com.sundispatch.identity;

/**
 * The owner of an account asked to reset its password. Carries the single-use token sealed (AES-GCM under the data key, bound to
 * the account by {@link #sealContext}), because this event waits in the event publication registry until its
 * mail is sent: a database reader must not find a working link there. Only the mail listener unseals it.
 */
public record PasswordResetRequested(String eventId, String userId, String email, String fullName, String sealedToken) {

    /** The context the token is sealed under, so a sealed token copied into another account's event fails. */
    public static String sealContext(String userId) {
        return "mail-link:" + userId;
    }

    @Override
    public String toString() {
        return "PasswordResetRequested[userId=" + userId + "]";
    }
}
