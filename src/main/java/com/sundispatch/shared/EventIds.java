package com.sundispatch.shared;

import java.util.UUID;

/**
 * Ids for domain events. Each event that leads to a delivery outside the process (mail, webhook, push, inbox
 * entry) carries one, chosen when the event is published and kept in the event publication registry with it,
 * so a delivery retried after a crash or restart carries the same id and receivers can de-duplicate.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String next() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
