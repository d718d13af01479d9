package com.sundispatch.orders;

import java.time.Instant;
import java.util.List;

import com.sundispatch.shared.Money;

/**
 * A customer placed an order: the panels are reserved until {@code reservedUntil}, when an unpaid order is
 * cancelled. Carries what the confirmation shows (items and amounts), not the customer's contact details.
 */
public record OrderPlaced(String eventId, String orderId, String customerId, List<Item> items, Money panelsTotal,
        Money installationFee, Money total, Instant placedAt, Instant reservedUntil) {

    public record Item(String panelName, int quantity, Money unitPrice) {
    }

    public OrderPlaced {
        items = List.copyOf(items);
    }
}
