package com.sundispatch.orders.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.sundispatch.shared.AssignedIdEntity;

/** A provider event already handled: its id is the primary key, so each event acts once. */
@Entity
@Table(name = "processed_webhook_events")
class ProcessedWebhookEvent extends AssignedIdEntity {

    @Id
    @Column(name = "event_id", length = 100)
    private String eventId;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    protected ProcessedWebhookEvent() {
    }

    ProcessedWebhookEvent(String eventId, Instant processedAt) {
        this.eventId = eventId;
        this.processedAt = processedAt;
    }

    @Override
    public String getId() {
        return eventId;
    }
}
