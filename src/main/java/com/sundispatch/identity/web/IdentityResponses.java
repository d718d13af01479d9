package com.sundispatch.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Nullable;

import com.sundispatch.identity.Role;
import com.sundispatch.identity.internal.AccountView;
import com.sundispatch.identity.internal.EmailChangeService.PendingEmailChange;
import com.sundispatch.identity.internal.TokenPair;

/** Response bodies: dedicated records, so no entity field can leak by being added later. */
final class IdentityResponses {

    private IdentityResponses() {
    }

    /**
     * The signed-in account. {@code mfaEnabled} says TOTP is on; {@code mfaMethods} lists every second factor
     * ("totp", "passkey"). {@code pendingEmail} (with {@code pendingEmailExpiresAt}) is an address change waiting
     * for its link to be opened; null when there is none. Until then {@code email} stays the sign-in address.
     */
    record MeResponse(String id, String email, String fullName, @Nullable String phone, Role role, boolean emailVerified,
            boolean mfaEnabled, Instant createdAt, String language, List<String> mfaMethods, @Nullable String pendingEmail,
            @Nullable Instant pendingEmailExpiresAt) {
        static MeResponse of(AccountView a, List<String> mfaMethods, Optional<PendingEmailChange> pending) {
            return new MeResponse(a.id(), a.email(), a.fullName(), a.phone(), a.role(), a.emailVerified(),
                    a.mfaEnabled(), a.createdAt(), a.language(), mfaMethods,
                    pending.map(PendingEmailChange::newEmail).orElse(null),
                    pending.map(PendingEmailChange::expiresAt).orElse(null));
        }
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, @Nullable String refreshToken) {
        static TokenResponse of(TokenPair p) {
            return new TokenResponse(p.accessToken(), p.tokenType(), p.expiresIn(), p.refreshToken());
        }

        @Override
        public String toString() {
            return "TokenResponse[***]";
        }
    }

    record AdminUserResponse(String id, String email, String fullName, @Nullable String phone, Role role,
            boolean emailVerified, boolean mfaEnabled, Instant createdAt, boolean banned, @Nullable Instant bannedUntil) {
        static AdminUserResponse of(AccountView a, Instant now) {
            boolean banned = a.bannedUntil() != null && now.isBefore(a.bannedUntil());
            return new AdminUserResponse(a.id(), a.email(), a.fullName(), a.phone(), a.role(), a.emailVerified(),
                    a.mfaEnabled(), a.createdAt(), banned, banned ? a.bannedUntil() : null);
        }
    }

    /** {@code methods}: the second factors the account has, "totp" and/or "passkey". */
    record MfaChallengeResponse(boolean mfaRequired, String mfaToken, List<String> methods) {
        @Override
        public String toString() {
            return "MfaChallengeResponse[***]";
        }
    }

    record TotpSetupResponse(String secret, String otpauthUri, String qrCode) {
        @Override
        public String toString() {
            return "TotpSetupResponse[***]";
        }
    }

    record RecoveryCodesResponse(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodesResponse[***]";
        }
    }

    record ReauthenticatedResponse(Instant reauthenticatedUntil) {
    }

    record SessionResponse(String id, @Nullable String device, @Nullable String ip, Instant createdAt, @Nullable Instant lastUsedAt,
            boolean current) {
    }
}
