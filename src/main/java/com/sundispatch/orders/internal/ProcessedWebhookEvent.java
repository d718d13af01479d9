package com.sundispatch.orders.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** A provider event already handled: its id is the primary key, so each event acts once. */
@Entity
@Table(name = "processed_webhook_events")
class ProcessedWebhookEvent implements Persistable<String> {

    /**
     * A new row is always INSERTed (persist), never merged: a merge would first look for the row and, when a
     * concurrent request has just committed the same key, silently UPDATE it instead of failing on the key.
     */
    @Transient
    private boolean fresh = true;

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

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }
}
