package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.sundispatch.shared.Actor;

/** One proposed appointment in a job's scheduling negotiation. At most one per job and negotiation is OPEN. */
@Entity
@Table(name = "appointment_proposals")
class AppointmentProposal {

    enum Status {
        OPEN, ACCEPTED, SUPERSEDED, WITHDRAWN
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "job_id", nullable = false, length = 36)
    private String jobId;

    @Column(nullable = false)
    private int negotiation;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_by", nullable = false, length = 12)
    private Actor proposedBy;

    @Column(name = "start_at", nullable = false)
    private Instant start;

    @Column(name = "end_at", nullable = false)
    private Instant end;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected AppointmentProposal() {
    }

    AppointmentProposal(String id, String jobId, int negotiation, Actor proposedBy, Instant start, Instant end,
            Instant now) {
        this.id = id;
        this.jobId = jobId;
        this.negotiation = negotiation;
        this.proposedBy = proposedBy;
        this.start = start;
        this.end = end;
        this.status = Status.OPEN;
        this.createdAt = now;
    }

    String id() { return id; }
    String jobId() { return jobId; }
    int negotiation() { return negotiation; }
    Actor proposedBy() { return proposedBy; }
    Instant start() { return start; }
    Instant end() { return end; }
    Status status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant decidedAt() { return decidedAt; }
}
