package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to deliver one event, as its installer may see it. */
@Entity
@Table(name = "webhook_deliveries")
class WebhookDelivery {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "installer_id", nullable = false, length = 36)
    private String installerId;

    @Column(name = "event_id", nullable = false, length = 40)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 30)
    private String eventType;

    @Column(nullable = false)
    private int attempt;

    /** What became of one attempt; the installer's delivery list shows these words (DeliveryView). */
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String REFUSED = "REFUSED";
    static final String GAVE_UP = "GAVE_UP";

    @Column(nullable = false, length = 12)
    private String outcome;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(length = 200)
    private String error;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(String id, String installerId, String eventId, String eventType, int attempt, String outcome,
            Integer httpStatus, String error, Instant at) {
        this.id = id;
        this.installerId = installerId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.attempt = attempt;
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.error = error == null || error.length() <= 200 ? error : error.substring(0, 200);
        this.attemptedAt = at;
    }

    String eventId() { return eventId; }
    String eventType() { return eventType; }
    int attempt() { return attempt; }
    String outcome() { return outcome; }
    Integer httpStatus() { return httpStatus; }
    String error() { return error; }
    Instant attemptedAt() { return attemptedAt; }
}
