package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registered passkey (WebAuthn credential): the public key the authenticator made for this site, its last
 * signature counter, and what the owner calls it. Never a secret: the private key stays in the authenticator.
 */
@Entity
@Table(name = "passkeys")
class Passkey {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "credential_id_hash", nullable = false, length = 64)
    private String credentialIdHash;

    @Column(name = "credential_id", nullable = false, length = 1400)
    private String credentialId;

    @Column(name = "credential_data", nullable = false, length = 4000)
    private String credentialData;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(name = "uv_initialized", nullable = false)
    private boolean uvInitialized;

    @Column(name = "backup_eligible", nullable = false)
    private boolean backupEligible;

    @Column(name = "backed_up", nullable = false)
    private boolean backedUp;

    @Column(length = 200)
    private String transports;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected Passkey() {
    }

    Passkey(String id, String userId, String credentialId, String credentialData, String name, long signCount,
            boolean backupEligible, boolean backedUp, String transports, Instant now) {
        this.id = id;
        this.userId = userId;
        this.credentialIdHash = SecureTokens.sha256Hex(credentialId);
        this.credentialId = credentialId;
        this.credentialData = credentialData;
        this.name = name;
        this.signCount = signCount;
        this.uvInitialized = true;
        this.backupEligible = backupEligible;
        this.backedUp = backedUp;
        this.transports = transports;
        this.createdAt = now;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String credentialId() {
        return credentialId;
    }

    String credentialData() {
        return credentialData;
    }

    String name() {
        return name;
    }

    long signCount() {
        return signCount;
    }

    boolean uvInitialized() {
        return uvInitialized;
    }

    boolean backupEligible() {
        return backupEligible;
    }

    boolean backedUp() {
        return backedUp;
    }

    String transports() {
        return transports;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    void rename(String newName) {
        this.name = newName;
    }
}
