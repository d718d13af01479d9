package com.sundispatch.monitoring.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "alerts")
class Alert {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 40)
    private String type;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(nullable = false, length = 100)
    private String subject;

    @Column(length = 1000)
    private String detail;

    @Column(nullable = false, length = 12)
    private String status;

    protected Alert() {
    }

    Alert(String id, String type, Instant raisedAt, String subject, String detail) {
        this.id = id;
        this.type = type;
        this.raisedAt = raisedAt;
        this.subject = subject;
        this.detail = detail;
        this.status = "OPEN";
    }

    String id() { return id; }
    String type() { return type; }
    Instant raisedAt() { return raisedAt; }
    String subject() { return subject; }
    String detail() { return detail; }
    String status() { return status; }
}
