package com.sundispatch.monitoring.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A blocked address or range; automatic blocks cover only the sign-in endpoints, manual ones everything. */
@Entity
@Table(name = "ip_blocks")
class IpBlock {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 50)
    private String cidr;

    @Column(nullable = false, length = 300)
    private String reason;

    @Column(nullable = false)
    private boolean automatic;

    @Column(name = "auth_only", nullable = false)
    private boolean authOnly;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    protected IpBlock() {
    }

    IpBlock(String id, String cidr, String reason, boolean automatic, boolean authOnly, Instant createdAt,
            Instant expiresAt, String createdBy) {
        this.id = id;
        this.cidr = cidr;
        this.reason = reason;
        this.automatic = automatic;
        this.authOnly = authOnly;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
    }

    String id() { return id; }
    String cidr() { return cidr; }
    String reason() { return reason; }
    boolean automatic() { return automatic; }
    boolean authOnly() { return authOnly; }
    Instant createdAt() { return createdAt; }
    Instant expiresAt() { return expiresAt; }
}
