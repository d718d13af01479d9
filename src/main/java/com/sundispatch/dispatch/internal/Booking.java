package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An installer's time taken by an accepted job. Two bookings of one installer never overlap. */
@Entity
@Table(name = "installer_bookings")
class Booking {

    @Id
    @Column(name = "job_id", length = 36)
    private String jobId;

    @Column(name = "installer_id", nullable = false, length = 36)
    private String installerId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    protected Booking() {
    }

    Booking(String jobId, String installerId, Instant startAt, Instant endAt) {
        this.jobId = jobId;
        this.installerId = installerId;
        this.startAt = startAt;
        this.endAt = endAt;
    }
}
