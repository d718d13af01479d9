package com.sundispatch.monitoring;

import java.time.Instant;
import java.util.List;

/** Reading the audit trail from other modules (an admin's view of one order's story). */
public interface AuditTrail {

    record Entry(String type, Instant at, String actorId, String outcome) {
    }

    /** The audit entries whose detail names this order ({@code "orderId"}), newest first, at most {@code limit}. */
    List<Entry> aboutOrder(String orderId, int limit);
}
