package com.sundispatch.monitoring.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.sundispatch.monitoring.AlertSeverity;

/** A security alert and its life cycle: OPEN, then ACKNOWLEDGED and/or RESOLVED, each with who and when. */
@Entity
@Table(name = "alerts")
class Alert {

    static final String OPEN = "OPEN";
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    static final String RESOLVED = "RESOLVED";

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

    @Column(nullable = false, length = 8)
    private String severity;

    @Column(name = "acknowledged_by", length = 36)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "resolved_by", length = 36)
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(length = 1000)
    private String note;

    /** Two admins acting on one alert at once: the second one's stale change fails instead of overwriting. */
    @Version
    private long version;

    protected Alert() {
    }

    Alert(String id, String type, Instant raisedAt, String subject, String detail, AlertSeverity severity) {
        this.id = id;
        this.type = type;
        this.raisedAt = raisedAt;
        this.subject = subject;
        this.detail = detail;
        this.status = OPEN;
        this.severity = severity.name();
    }

    /** OPEN to ACKNOWLEDGED only; false for any other move. */
    boolean acknowledge(String adminId, Instant now) {
        if (!status.equals(OPEN)) {
            return false;
        }
        status = ACKNOWLEDGED;
        acknowledgedBy = adminId;
        acknowledgedAt = now;
        return true;
    }

    /** OPEN or ACKNOWLEDGED to RESOLVED; false when already resolved. */
    boolean resolve(String adminId, Instant now, String note) {
        if (status.equals(RESOLVED)) {
            return false;
        }
        status = RESOLVED;
        resolvedBy = adminId;
        resolvedAt = now;
        this.note = note;
        return true;
    }

    String id() { return id; }
    String type() { return type; }
    Instant raisedAt() { return raisedAt; }
    String subject() { return subject; }
    String detail() { return detail; }
    String status() { return status; }
    String severity() { return severity; }
    String acknowledgedBy() { return acknowledgedBy; }
    Instant acknowledgedAt() { return acknowledgedAt; }
    String resolvedBy() { return resolvedBy; }
    Instant resolvedAt() { return resolvedAt; }
    String note() { return note; }
}
