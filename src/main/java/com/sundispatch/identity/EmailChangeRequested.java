package com.sundispatch.identity;

/**
 * The owner of an account asked to use a new email address: the new address gets a link to confirm it. The
 * single-use token is sealed like the one of {@link EmailVerificationRequested} (same
 * {@link EmailVerificationRequested#sealContext}); only the mail listener unseals it. Never log this event.
 */
public record EmailChangeRequested(String eventId, String userId, String newEmail, String sealedToken) {

    @Override
    public String toString() {
        return "EmailChangeRequested[userId=" + userId + "]";
    }
}
