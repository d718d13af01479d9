package com.sundispatch.identity;

/** The owner of an account asked to reset its password. Carries the raw token; never log this event. */
public record PasswordResetRequested(String userId, String email, String fullName, String token) {

    @Override
    public String toString() {
        return "PasswordResetRequested[userId=" + userId + "]";
    }
}
