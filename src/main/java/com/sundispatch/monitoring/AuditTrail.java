package com.sundispatch.monitoring;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.annotation.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import com.sundispatch.security.SecurityEvent;

/** Reading the audit trail from other modules (an admin's view of one order's story, a person's own history). */
public interface AuditTrail {

    @Schema(name = "SecurityEvent")
    record Entry(String type, Instant at, @Nullable String actorId,
            @Schema(implementation = SecurityEvent.Outcome.class)
            String outcome) {
    }

    /** The audit entries whose detail names this order ({@code "orderId"}), newest first, at most {@code limit}. */
    List<Entry> aboutOrder(String orderId, int limit);

    /**
     * One audit entry about a person's own account, with where it came from (full client address and user agent:
     * callers must coarsen them before showing them to anyone). Never the stored detail.
     */
    record UserEntry(String id, String type, Instant at, String outcome, String ip, String userAgent) {
    }

    /**
     * The entries of one account of the given types since {@code since}, newest first (ties by id), one page.
     * Only entries whose subject is this account: another account's events never appear, whatever they mention.
     */
    Page<UserEntry> forUser(String userId, Collection<String> types, Instant since, Pageable page);
}
