package com.sundispatch.catalog.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who changed what in the catalog, and when. */
@Entity
@Table(name = "catalog_changes")
class CatalogChange {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "admin_id", nullable = false, length = 36)
    private String adminId;

    @Column(nullable = false, length = 30)
    private String action;

    @Column(name = "subject_id", length = 36)
    private String subjectId;

    @Column(length = 500)
    private String summary;

    protected CatalogChange() {
    }

    CatalogChange(String id, Instant at, String adminId, String action, String subjectId, String summary) {
        this.id = id;
        this.changedAt = at;
        this.adminId = adminId;
        this.action = action;
        this.subjectId = subjectId;
        this.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
    }
}
