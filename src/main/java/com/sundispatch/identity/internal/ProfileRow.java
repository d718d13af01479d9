package com.sundispatch.identity.internal;

import java.time.Instant;

import com.sundispatch.identity.Role;

/**
 * One row of the {@code GET /me} read ({@link UserAccountRepository#profile}): the account's visible columns with
 * the phone as stored (sealed), whether it has a passkey, and one pending email change or nulls.
 */
record ProfileRow(String id, String email, String fullName, String phoneSealed, Role role, boolean emailVerified,
        boolean mfaEnabled, Instant createdAt, Instant bannedUntil, String language, boolean passkey,
        String newEmail, Instant requestedAt, Instant confirmExpiresAt) {
}
