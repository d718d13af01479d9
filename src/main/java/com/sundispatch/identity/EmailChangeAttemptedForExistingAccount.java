package com.sundispatch.identity;

/**
 * Someone signed in to another account asked to move it to the address of this account ({@code userId}). The
 * owner of this address is told (no token, no name of the other account); the person asking gets the same answer
 * as for a free address, so the request reveals nothing about who has an account.
 */
public record EmailChangeAttemptedForExistingAccount(String eventId, String userId, String email) {

    @Override
    public String toString() {
        return "EmailChangeAttemptedForExistingAccount[userId=" + userId + "]";
    }
}
