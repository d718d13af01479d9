package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where an installer's events go; the signing secret is stored encrypted (AES-256-GCM). */
@Entity
@Table(name = "installer_webhooks")
class InstallerWebhook {

    @Id
    @Column(name = "installer_id", length = 36)
    private String installerId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(name = "secret_enc", nullable = false, length = 300)
    private String secretEncrypted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InstallerWebhook() {
    }

    InstallerWebhook(String installerId, String url, String secretEncrypted, Instant now) {
        this.installerId = installerId;
        this.url = url;
        this.secretEncrypted = secretEncrypted;
        this.createdAt = now;
    }

    String installerId() { return installerId; }
    String url() { return url; }
    String secretEncrypted() { return secretEncrypted; }
    Instant createdAt() { return createdAt; }
}
