package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A device an account signed in from: the SHA-256 of its device cookie and what a notice may say about it. */
@Entity
@Table(name = "known_devices")
class KnownDevice {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "device_hash", nullable = false, length = 64)
    private String deviceHash;

    @Column(nullable = false, length = 32)
    private String browser;

    @Column(name = "operating_system", nullable = false, length = 32)
    private String operatingSystem;

    @Column(nullable = false, length = 64)
    private String network;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected KnownDevice() {
    }

    KnownDevice(String id, String userId, String deviceHash, DeviceTraits traits, Instant now) {
        this.id = id;
        this.userId = userId;
        this.deviceHash = deviceHash;
        this.browser = traits.browser();
        this.operatingSystem = traits.operatingSystem();
        this.network = traits.network();
        this.firstSeenAt = now;
        this.lastSeenAt = now;
    }

    String id() {
        return id;
    }

    String deviceHash() {
        return deviceHash;
    }

    String browser() {
        return browser;
    }

    String operatingSystem() {
        return operatingSystem;
    }

    String network() {
        return network;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }
}
