package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A refresh token, stored only as the SHA-256 of its value. Rotated tokens stay (as ROTATED) so that a
 * replay of one is recognised as theft and ends the session.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken implements Persistable<String> {

    enum Status {
        ACTIVE, ROTATED
    }

    /**
     * A new token is always INSERTed (persist), never merged: with an assigned id, a merge would first SELECT
     * the row that cannot exist yet, one query more on every login and every refresh.
     */
    @Transient
    private boolean fresh = true;

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

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
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
