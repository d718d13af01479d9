package com.sundispatch.notifications.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.domain.Persistable;

/**
 * An Expo ticket whose receipt has not been read yet. Always inserted, never merged: a ticket id the push service
 * repeated must fail as a duplicate, not move an existing row to another token.
 */
@Entity
@Table(name = "expo_push_receipts")
class ExpoPushReceipt implements Persistable<String> {

    @Id
    @Column(name = "ticket_id", length = 64)
    private String ticketId;

    @Column(name = "token_id", nullable = false, length = 36)
    private String tokenId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExpoPushReceipt() {
    }

    ExpoPushReceipt(String ticketId, String tokenId, Instant createdAt) {
        this.ticketId = ticketId;
        this.tokenId = tokenId;
        this.createdAt = createdAt;
    }

    @Override
    public String getId() {
        return ticketId;
    }

    @Override
    public boolean isNew() {
        return true;
    }

    String ticketId() { return ticketId; }

    String tokenId() { return tokenId; }

    Instant createdAt() { return createdAt; }
}
