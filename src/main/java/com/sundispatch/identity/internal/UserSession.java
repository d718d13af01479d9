package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.sundispatch.shared.AssignedIdEntity;

/** One login: the unit that logout, password change and ban revoke. Its id is the tokens' {@code sid}. */
@Entity
@Table(name = "user_sessions")
class UserSession extends AssignedIdEntity {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(length = 200)
    private String device;

    @Column(length = 45)
    private String ip;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason", length = 40)
    private String revokeReason;

    @Column(name = "reauthenticated_at")
    private Instant reauthenticatedAt;

    protected UserSession() {
    }

    UserSession(String id, String userId, String device, String ip, Instant now, Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.device = device;
        this.ip = ip;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = expiresAt;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String device() {
        return device;
    }

    String ip() {
        return ip;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    /** When this session last proved its owner again (step-up), or null. */
    Instant reauthenticatedAt() {
        return reauthenticatedAt;
    }

    @Override
    public String getId() {
        return id;
    }
}
