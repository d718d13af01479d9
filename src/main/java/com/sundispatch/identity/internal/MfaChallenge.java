package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The half-finished login of an MFA account: the password was right, a code is still due. */
@Entity
@Table(name = "mfa_challenges")
class MfaChallenge {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "user_agent", length = 200)
    private String userAgent;

    @Column(length = 45)
    private String ip;

    protected MfaChallenge() {
    }

    MfaChallenge(String tokenHash, String userId, Instant now, Instant expiresAt, ClientContext client) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.userAgent = client.userAgent();
        this.ip = client.ip();
    }

    String userId() {
        return userId;
    }

    /** Neither spent nor expired (attempts are counted separately, atomically). */
    boolean isOpen(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
