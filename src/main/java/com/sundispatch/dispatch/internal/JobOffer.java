package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "job_offers")
class JobOffer {

    enum Status {
        OPEN, ACCEPTED, DECLINED, EXPIRED, TAKEN, WITHDRAWN
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "job_id", nullable = false, length = 36)
    private String jobId;

    @Column(name = "installer_id", nullable = false, length = 36)
    private String installerId;

    @Column(nullable = false)
    private int attempt;

    @Column(nullable = false)
    private int round;

    /** The distance the installer is shown: from their base to the centre of the home's ~1 km grid cell. */
    @Column(name = "distance_km", nullable = false)
    private double distanceKm;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected JobOffer() {
    }

    JobOffer(String id, String jobId, String installerId, int attempt, int round, double distanceKm, Instant now,
            Instant expiresAt) {
        this.id = id;
        this.jobId = jobId;
        this.installerId = installerId;
        this.attempt = attempt;
        this.round = round;
        this.distanceKm = distanceKm;
        this.status = Status.OPEN;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    String id() { return id; }
    String jobId() { return jobId; }
    String installerId() { return installerId; }
    int attempt() { return attempt; }
    int round() { return round; }
    double distanceKm() { return distanceKm; }
    Status status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant expiresAt() { return expiresAt; }
}
