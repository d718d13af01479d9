package com.sundispatch.identity;

/**
 * An account was secured ("this wasn't me", or an undone email change): its password no longer works and every
 * session ended. The owner gets a link to choose a new password at {@code email}; its single-use token is sealed
 * like the one of {@link PasswordResetRequested} (same {@link EmailVerificationRequested#sealContext}).
 */
public record AccountSecured(String eventId, String userId, String email, String sealedToken) {

    @Override
    public String toString() {
        return "AccountSecured[userId=" + userId + "]";
    }
}
