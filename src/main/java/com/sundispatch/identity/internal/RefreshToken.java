package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.sundispatch.shared.AssignedIdEntity;

/**
 * A refresh token, stored only as the SHA-256 of its value. Rotated tokens stay (as ROTATED) so that a
 * replay of one is recognised as theft and ends the session.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken extends AssignedIdEntity {

    enum Status {
        ACTIVE, ROTATED
    }

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, String sessionId, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    @Override
    public String getId() {
        return tokenHash;
    }

    String sessionId() {
        return sessionId;
    }

    Status status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
