package com.sundispatch.identity;

/**
 * An account needs its email confirmed. Carries the raw single-use token, which only the mail that is sent
 * to the account's owner may contain; never log this event.
 */
public record EmailVerificationRequested(String userId, String email, String fullName, String token) {

    @Override
    public String toString() {
        return "EmailVerificationRequested[userId=" + userId + "]";
    }
}
