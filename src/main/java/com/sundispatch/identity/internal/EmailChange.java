package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One request to change an account's email address. PENDING until the new address's owner opens the link
 * (then CONFIRMED, and the old address may undo it for a while: UNDONE), or CANCELLED by the account's owner or
 * by a newer request. Links are kept as the SHA-256 of their token only.
 */
@Entity
@Table(name = "email_changes")
class EmailChange {

    enum Status {
        PENDING, CONFIRMED, CANCELLED, UNDONE
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "old_email", nullable = false, length = 254)
    private String oldEmail;

    @Column(name = "new_email", nullable = false, length = 254)
    private String newEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "confirm_token_hash", nullable = false, length = 64)
    private String confirmTokenHash;

    @Column(name = "confirm_expires_at", nullable = false)
    private Instant confirmExpiresAt;

    @Column(name = "undo_token_hash", length = 64)
    private String undoTokenHash;

    @Column(name = "undo_expires_at")
    private Instant undoExpiresAt;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected EmailChange() {
    }

    EmailChange(String id, String userId, String oldEmail, String newEmail, String confirmTokenHash,
            Instant now, Instant confirmExpiresAt) {
        this.id = id;
        this.userId = userId;
        this.oldEmail = oldEmail;
        this.newEmail = newEmail;
        this.status = Status.PENDING;
        this.confirmTokenHash = confirmTokenHash;
        this.requestedAt = now;
        this.confirmExpiresAt = confirmExpiresAt;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String oldEmail() {
        return oldEmail;
    }

    String newEmail() {
        return newEmail;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant confirmExpiresAt() {
        return confirmExpiresAt;
    }

    void offerUndo(String undoTokenHash, Instant until) {
        this.undoTokenHash = undoTokenHash;
        this.undoExpiresAt = until;
    }
}
