package com.sundispatch.identity;

/** An administrator turned off an account's two-factor sign-in; its owner is told by mail. */
public record MfaResetByAdmin(String eventId, String userId, String email, String fullName) {
}
