package com.sundispatch.orders;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an order and the only moves it may make: {@code PENDING_PAYMENT -> PAID -> SCHEDULED ->
 * INSTALLING -> COMPLETED}, or {@code CANCELLED} before the installer starts.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, SCHEDULED, INSTALLING, COMPLETED, CANCELLED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(SCHEDULED, CANCELLED);
            case SCHEDULED -> EnumSet.of(INSTALLING, CANCELLED);
            case INSTALLING -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Cancelling is possible until an installer has started work. */
    public boolean cancellable() {
        return canMoveTo(CANCELLED);
    }

    /** Money was taken: cancelling now means a refund is due. */
    public boolean paid() {
        return this == PAID || this == SCHEDULED || this == INSTALLING || this == COMPLETED;
    }
}
