package com.sundispatch.monitoring.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_events")
class AuditEvent {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 40)
    private String type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "user_id", length = 36)
    private String userId;

    @Column(length = 45)
    private String ip;

    @Column(name = "user_agent", length = 300)
    private String userAgent;

    @Column(nullable = false, length = 10)
    private String outcome;

    @Column(length = 2000)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(String id, String type, Instant occurredAt, String userId, String ip, String userAgent, String outcome,
            String detail) {
        this.id = id;
        this.type = type;
        this.occurredAt = occurredAt;
        this.userId = userId;
        this.ip = ip;
        this.userAgent = userAgent;
        this.outcome = outcome;
        this.detail = detail;
    }

    String id() { return id; }
    String type() { return type; }
    Instant occurredAt() { return occurredAt; }
    String userId() { return userId; }
    String ip() { return ip; }
    String userAgent() { return userAgent; }
    String outcome() { return outcome; }
    String detail() { return detail; }
}
