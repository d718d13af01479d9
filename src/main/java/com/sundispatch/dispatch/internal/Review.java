package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.sundispatch.shared.AssignedIdEntity;

/** The customer's review of a completed job: one per job (the primary key is the job). */
@Entity
@Table(name = "reviews")
class Review extends AssignedIdEntity {

    @Id
    @Column(name = "job_id", length = 36)
    private String jobId;

    @Column(name = "customer_id", nullable = false, length = 36)
    private String customerId;

    @Column(name = "installer_id", nullable = false, length = 36)
    private String installerId;

    @Column(nullable = false)
    private int rating;

    @Column(length = 2000)
    private String comment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Review() {
    }

    Review(String jobId, String customerId, String installerId, int rating, String comment, Instant now) {
        this.jobId = jobId;
        this.customerId = customerId;
        this.installerId = installerId;
        this.rating = rating;
        this.comment = comment;
        this.createdAt = now;
    }

    String jobId() { return jobId; }
    String customerId() { return customerId; }
    String installerId() { return installerId; }
    int rating() { return rating; }
    String comment() { return comment; }
    Instant createdAt() { return createdAt; }

    @Override
    public String getId() {
        return jobId;
    }
}
