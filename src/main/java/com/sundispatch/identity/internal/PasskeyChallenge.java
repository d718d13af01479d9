package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A WebAuthn challenge the server handed out. Only its SHA-256 is stored: the challenge itself comes back inside
 * the signed client data, and is accepted only if it hashes to this row, for this purpose, unused and unexpired.
 */
@Entity
@Table(name = "passkey_challenges")
class PasskeyChallenge {

    enum Purpose {
        REGISTER, LOGIN, MFA
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "challenge_hash", nullable = false, length = 64)
    private String challengeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Purpose purpose;

    /** The account it was made for (registration, second factor); null for a passkey-only sign-in. */
    @Column(name = "user_id", length = 36)
    private String userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasskeyChallenge() {
    }

    PasskeyChallenge(String id, String challengeHash, Purpose purpose, String userId, Instant now,
            Instant expiresAt) {
        this.id = id;
        this.challengeHash = challengeHash;
        this.purpose = purpose;
        this.userId = userId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    String userId() {
        return userId;
    }
}
