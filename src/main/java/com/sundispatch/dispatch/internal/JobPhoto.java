package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A photo of a job's work. The image itself is in the blob store under a random key; this row says whose job it
 * belongs to (the only way to reach it) and which report it is part of (null while the report is a draft).
 */
@Entity
@Table(name = "job_photos")
class JobPhoto {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "job_id", nullable = false, length = 36)
    private String jobId;

    @Column(name = "report_id", length = 36)
    private String reportId;

    @Column(name = "blob_key", nullable = false, length = 64)
    private String blobKey;

    @Column(name = "content_type", nullable = false, length = 20)
    private String contentType;

    @Column(nullable = false)
    private int bytes;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "uploaded_by", nullable = false, length = 36)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected JobPhoto() {
    }

    JobPhoto(String id, String jobId, String blobKey, String contentType, int bytes, int width, int height,
            String uploadedBy, Instant uploadedAt) {
        this.id = id;
        this.jobId = jobId;
        this.blobKey = blobKey;
        this.contentType = contentType;
        this.bytes = bytes;
        this.width = width;
        this.height = height;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    String id() { return id; }
    String jobId() { return jobId; }
    String reportId() { return reportId; }
    String blobKey() { return blobKey; }
    String contentType() { return contentType; }
    int bytes() { return bytes; }
    int width() { return width; }
    int height() { return height; }
    Instant uploadedAt() { return uploadedAt; }

    String extension() {
        return "image/png".equals(contentType) ? "png" : "jpg";
    }
}
