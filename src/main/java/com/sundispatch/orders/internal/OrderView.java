package com.sundispatch.orders.internal;

import java.time.Instant;
import java.util.List;

import com.sundispatch.orders.OrderStatus;
import com.sundispatch.shared.Money;

/** An order as its customer sees it. */
public record OrderView(String id, OrderStatus status, List<Item> items, Money panelsTotal, Money installationFee,
        Money total, InstallationAddress installation, Instant createdAt, Instant reservedUntil, Instant paidAt,
        boolean refundDue) {

    public record Item(String panelId, String panelName, int quantity, Money unitPrice) {
    }

    static OrderView of(CustomerOrder o) {
        return new OrderView(o.id(), o.status(),
                o.lines().stream().map(l -> new Item(l.panelId(), l.panelName(), l.quantity(),
                        Money.of(l.unitPrice(), o.currency()))).toList(),
                Money.of(o.panelsTotal(), o.currency()), Money.of(o.installationFee(), o.currency()),
                Money.of(o.total(), o.currency()), o.address(), o.createdAt(),
                o.status() == OrderStatus.PENDING_PAYMENT ? o.reservedUntil() : null, o.paidAt(), o.refundDue());
    }
}
