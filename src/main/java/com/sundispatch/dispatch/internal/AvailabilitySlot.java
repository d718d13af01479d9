package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "availability_slots")
class AvailabilitySlot {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "installer_id", nullable = false, length = 36)
    private String installerId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    protected AvailabilitySlot() {
    }

    AvailabilitySlot(String id, String installerId, Instant startAt, Instant endAt) {
        this.id = id;
        this.installerId = installerId;
        this.startAt = startAt;
        this.endAt = endAt;
    }

    String installerId() { return installerId; }
    Instant startAt() { return startAt; }
    Instant endAt() { return endAt; }
}
