package com.sundispatch.notifications.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One browser or device that receives a user's pushes; the auth secret is stored encrypted (AES-256-GCM). */
@Entity
@Table(name = "push_subscriptions")
class PushSubscription {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(nullable = false, length = 2000)
    private String endpoint;

    @Column(name = "endpoint_hash", nullable = false, length = 64)
    private String endpointHash;

    @Column(nullable = false, length = 100)
    private String p256dh;

    @Column(name = "auth_secret_enc", nullable = false, length = 200)
    private String authSecretEncrypted;

    @Column(name = "user_agent", nullable = false, length = 40)
    private String userAgent;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    protected PushSubscription() {
    }

    PushSubscription(String id, String userId, String endpoint, String endpointHash, String p256dh,
            String authSecretEncrypted, String userAgent, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.endpoint = endpoint;
        this.endpointHash = endpointHash;
        this.p256dh = p256dh;
        this.authSecretEncrypted = authSecretEncrypted;
        this.userAgent = userAgent;
        this.createdAt = createdAt;
    }

    /** The browser sent the same endpoint again (a reload, a re-subscribe): keep the row, take its keys. */
    void renew(String p256dh, String authSecretEncrypted, String userAgent) {
        this.p256dh = p256dh;
        this.authSecretEncrypted = authSecretEncrypted;
        this.userAgent = userAgent;
    }

    String id() { return id; }
    String userId() { return userId; }
    String endpoint() { return endpoint; }
    String p256dh() { return p256dh; }
    String authSecretEncrypted() { return authSecretEncrypted; }
    String userAgent() { return userAgent; }
    Instant createdAt() { return createdAt; }
    Instant lastSuccessAt() { return lastSuccessAt; }
}
