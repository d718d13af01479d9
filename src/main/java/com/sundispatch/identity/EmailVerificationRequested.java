package com.sundispatch.identity;

/**
 * An account needs its email confirmed. Carries the single-use token sealed (AES-GCM under the data key, bound to
 * the account by {@link #sealContext}), because this event waits in the event publication registry until its
 * mail is sent: a database reader must not find a working link there. Only the mail listener unseals it.
 */
public record EmailVerificationRequested(String eventId, String userId, String email, String fullName, String sealedToken) {

    /** The context the token is sealed under, so a sealed token copied into another account's event fails. */
    public static String sealContext(String userId) {
        return "mail-link:" + userId;
    }

    @Override
    public String toString() {
        return "EmailVerificationRequested[userId=" + userId + "]";
    }
}
