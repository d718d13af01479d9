package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.sundispatch.dispatch.JobStatus;

/** The installation of one paid order. */
@Entity
@Table(name = "jobs")
public class Job {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "order_id", nullable = false, unique = true, length = 36)
    private String orderId;

    @Column(name = "customer_id", nullable = false, length = 36)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobStatus status;

    @Column(nullable = false)
    private double latitude;

    @Column(nullable = false)
    private double longitude;

    @Column(name = "address_line", nullable = false, length = 200)
    private String addressLine;

    @Column(nullable = false, length = 100)
    private String city;

    @Column(name = "postal_code", nullable = false, length = 12)
    private String postalCode;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Column(name = "panel_count", nullable = false)
    private int panelCount;

    @Column(nullable = false)
    private int attempt;

    @Column(nullable = false)
    private int round;

    @Column(name = "installer_id", length = 36)
    private String installerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected Job() {
    }

    Job(String id, com.sundispatch.orders.OrderPaid paid, Instant now) {
        this.id = id;
        this.orderId = paid.orderId();
        this.customerId = paid.customerId();
        this.status = JobStatus.DISPATCHING;
        this.latitude = paid.latitude();
        this.longitude = paid.longitude();
        this.addressLine = paid.addressLine();
        this.city = paid.city();
        this.postalCode = paid.postalCode();
        this.country = paid.country();
        this.windowStart = paid.preferredStart();
        this.windowEnd = paid.preferredEnd();
        this.panelCount = paid.panelCount();
        this.createdAt = now;
    }

    String id() { return id; }
    String orderId() { return orderId; }
    String customerId() { return customerId; }
    JobStatus status() { return status; }
    double latitude() { return latitude; }
    double longitude() { return longitude; }
    String addressLine() { return addressLine; }
    String city() { return city; }
    String postalCode() { return postalCode; }
    String country() { return country; }
    Instant windowStart() { return windowStart; }
    Instant windowEnd() { return windowEnd; }
    int panelCount() { return panelCount; }
    int attempt() { return attempt; }
    int round() { return round; }
    String installerId() { return installerId; }
    Instant createdAt() { return createdAt; }
}
