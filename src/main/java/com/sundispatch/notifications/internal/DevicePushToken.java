package com.sundispatch.notifications.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One installed mobile app that receives a user's pushes, bound to the session that registered it. */
@Entity
@Table(name = "device_push_tokens")
class DevicePushToken {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "session_id", nullable = false, length = 36)
    private String sessionId;

    @Column(nullable = false, length = 200)
    private String token;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 10)
    private String platform;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    protected DevicePushToken() {
    }

    DevicePushToken(String id, String userId, String sessionId, String token, String tokenHash, String platform,
            Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.sessionId = sessionId;
        this.token = token;
        this.tokenHash = tokenHash;
        this.platform = platform;
        this.createdAt = createdAt;
    }

    /** The same app registered again from a new session of the same account (signed out and in again). */
    void rebind(String sessionId, String platform) {
        this.sessionId = sessionId;
        this.platform = platform;
    }

    String id() { return id; }
    String userId() { return userId; }
    String sessionId() { return sessionId; }
    String token() { return token; }
    String platform() { return platform; }
    Instant createdAt() { return createdAt; }
    Instant lastSuccessAt() { return lastSuccessAt; }
}
