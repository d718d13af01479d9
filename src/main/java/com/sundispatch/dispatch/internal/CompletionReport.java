package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * What the installer reports when the work is done: the checklist, the serial numbers of the installed panels
 * and notes. A job has one per submission (a rework after a dispute adds another); the newest is the current one.
 */
@Entity
@Table(name = "completion_reports")
class CompletionReport {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "job_id", nullable = false, length = 36)
    private String jobId;

    @Column(name = "installer_id", nullable = false, length = 36)
    private String installerId;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "panels_mounted", nullable = false)
    private boolean panelsMounted;

    @Column(name = "inverter_connected", nullable = false)
    private boolean inverterConnected;

    @Column(name = "system_commissioned", nullable = false)
    private boolean systemCommissioned;

    @Column(name = "grid_documents", nullable = false)
    private boolean gridDocumentsHandedOver;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "report_serials", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    @Column(name = "serial", nullable = false, length = 40)
    private List<String> serialNumbers = new ArrayList<>();

    @Column(length = 2000)
    private String notes;

    protected CompletionReport() {
    }

    CompletionReport(String id, String jobId, String installerId, Instant submittedAt, Checklist checklist,
            List<String> serialNumbers, String notes) {
        this.id = id;
        this.jobId = jobId;
        this.installerId = installerId;
        this.submittedAt = submittedAt;
        this.panelsMounted = checklist.panelsMounted();
        this.inverterConnected = checklist.inverterConnected();
        this.systemCommissioned = checklist.systemCommissioned();
        this.gridDocumentsHandedOver = checklist.gridDocumentsHandedOver();
        this.serialNumbers = new ArrayList<>(serialNumbers);
        this.notes = notes;
    }

    /** The four things every installation must have done before the customer is asked to confirm. */
    record Checklist(boolean panelsMounted, boolean inverterConnected, boolean systemCommissioned,
            boolean gridDocumentsHandedOver) {

        boolean complete() {
            return panelsMounted && inverterConnected && systemCommissioned && gridDocumentsHandedOver;
        }
    }

    String id() { return id; }
    String jobId() { return jobId; }
    Instant submittedAt() { return submittedAt; }
    List<String> serialNumbers() { return List.copyOf(serialNumbers); }
    String notes() { return notes; }

    Checklist checklist() {
        return new Checklist(panelsMounted, inverterConnected, systemCommissioned, gridDocumentsHandedOver);
    }
}
