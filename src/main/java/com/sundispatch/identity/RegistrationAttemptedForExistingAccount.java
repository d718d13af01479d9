package com.sundispatch.identity;

/**
 * Someone tried to register with the email of an existing account. Its owner is told (with links to sign in
 * and to reset the password, no token), while the person registering gets the same answer as for a new
 * address, so registration reveals nothing about who has an account.
 */
public record RegistrationAttemptedForExistingAccount(String eventId, String userId, String email, String fullName) {

    @Override
    public String toString() {
        return "RegistrationAttemptedForExistingAccount[userId=" + userId + "]";
    }
}
