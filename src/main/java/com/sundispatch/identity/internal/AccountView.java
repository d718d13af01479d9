package com.sundispatch.identity.internal;

import java.time.Instant;

import com.sundispatch.identity.Role;

/** What the account's owner (and admins) may see of an account. Never the password hash. */
public record AccountView(String id, String email, String fullName, String phone, Role role,
        boolean emailVerified, boolean mfaEnabled, Instant createdAt, Instant bannedUntil, String language) {

    static AccountView of(UserAccount u) {
        return new AccountView(u.id(), u.email(), u.fullName(), u.phone(), u.role(), u.emailVerified(),
                u.mfaEnabled(), u.createdAt(), u.bannedUntil(), u.language());
    }
}
