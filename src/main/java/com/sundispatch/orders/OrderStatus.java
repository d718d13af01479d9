package com.sundispatch.orders;

import static com.sundispatch.shared.Actor.ADMIN;
import static com.sundispatch.shared.Actor.CUSTOMER;
import static com.sundispatch.shared.Actor.INSTALLER;
import static com.sundispatch.shared.Actor.SYSTEM;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.sundispatch.shared.Actor;
import com.sundispatch.shared.IllegalMoveException;

/**
 * The life of an order as its customer sees it, and the only moves it may make with who may make them:
 * {@code PENDING_PAYMENT -> PAID -> SCHEDULED -> INSTALLING -> AWAITING_CONFIRMATION -> COMPLETED}, with
 * {@code DISPUTED} beside {@code AWAITING_CONFIRMATION}, or {@code CANCELLED}. Every status change the repository
 * writes takes a {@link Move}, which cannot be constructed for a move this table does not list.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, SCHEDULED, INSTALLING, AWAITING_CONFIRMATION, DISPUTED, COMPLETED, CANCELLED;

    private static final Map<OrderStatus, Map<OrderStatus, Set<Actor>>> MOVES = new EnumMap<>(OrderStatus.class);

    static {
        allow(PENDING_PAYMENT, PAID, SYSTEM);
        allow(PENDING_PAYMENT, CANCELLED, CUSTOMER, SYSTEM);
        allow(PAID, SCHEDULED, INSTALLER);
        allow(SCHEDULED, PAID, SYSTEM);
        allow(SCHEDULED, INSTALLING, INSTALLER);
        allow(INSTALLING, AWAITING_CONFIRMATION, INSTALLER);
        allow(AWAITING_CONFIRMATION, COMPLETED, CUSTOMER, SYSTEM);
        allow(AWAITING_CONFIRMATION, DISPUTED, CUSTOMER);
        allow(DISPUTED, INSTALLING, ADMIN);
        allow(DISPUTED, COMPLETED, ADMIN);
        allow(PAID, CANCELLED, CUSTOMER, ADMIN);
        allow(SCHEDULED, CANCELLED, CUSTOMER, ADMIN);
        allow(INSTALLING, CANCELLED, ADMIN);
        allow(DISPUTED, CANCELLED, ADMIN);
    }

    private static void allow(OrderStatus from, OrderStatus to, Actor... actors) {
        MOVES.computeIfAbsent(from, f -> new EnumMap<>(OrderStatus.class))
                .put(to, Collections.unmodifiableSet(EnumSet.of(actors[0], actors)));
    }

    public Set<OrderStatus> next() {
        Map<OrderStatus, Set<Actor>> targets = MOVES.get(this);
        return targets == null ? EnumSet.noneOf(OrderStatus.class) : EnumSet.copyOf(targets.keySet());
    }

    public boolean allows(OrderStatus target, Actor actor) {
        Map<OrderStatus, Set<Actor>> targets = MOVES.get(this);
        return targets != null && targets.getOrDefault(target, Set.of()).contains(actor);
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** The move to {@code target} by {@code actor}; {@link IllegalMoveException} (409) when the machine has none. */
    public Move to(OrderStatus target, Actor actor) {
        return new Move(this, target, actor);
    }

    /** The customer may cancel until an installer has started work. */
    public boolean cancellable() {
        return allows(CANCELLED, CUSTOMER);
    }

    /** Money was taken: cancelling now means a refund is due. */
    public boolean paid() {
        return this != PENDING_PAYMENT && this != CANCELLED;
    }

    /** A legal move; constructing one for anything the machine does not list throws. */
    public record Move(OrderStatus from, OrderStatus to, Actor actor) {

        public Move {
            if (from == null || to == null || actor == null || !from.allows(to, actor)) {
                throw new IllegalMoveException("order", from, to, actor);
            }
        }
    }
}
