package com.sundispatch.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.sundispatch.shared.Actor;
import com.sundispatch.shared.IllegalMoveException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Walks the whole order machine: every legal move by each allowed party, and every other move refused. */
class OrderStatusTest {

    private static final Map<String, Set<Actor>> LEGAL = Map.ofEntries(
            Map.entry("PENDING_PAYMENT>PAID", EnumSet.of(Actor.SYSTEM)),
            Map.entry("PENDING_PAYMENT>CANCELLED", EnumSet.of(Actor.CUSTOMER, Actor.SYSTEM)),
            Map.entry("PAID>SCHEDULED", EnumSet.of(Actor.INSTALLER)),
            Map.entry("PAID>CANCELLED", EnumSet.of(Actor.CUSTOMER, Actor.ADMIN)),
            Map.entry("SCHEDULED>PAID", EnumSet.of(Actor.SYSTEM)),
            Map.entry("SCHEDULED>INSTALLING", EnumSet.of(Actor.INSTALLER)),
            Map.entry("SCHEDULED>CANCELLED", EnumSet.of(Actor.CUSTOMER, Actor.ADMIN)),
            Map.entry("INSTALLING>AWAITING_CONFIRMATION", EnumSet.of(Actor.INSTALLER)),
            Map.entry("INSTALLING>CANCELLED", EnumSet.of(Actor.ADMIN)),
            Map.entry("AWAITING_CONFIRMATION>COMPLETED", EnumSet.of(Actor.CUSTOMER, Actor.SYSTEM)),
            Map.entry("AWAITING_CONFIRMATION>DISPUTED", EnumSet.of(Actor.CUSTOMER)),
            Map.entry("DISPUTED>INSTALLING", EnumSet.of(Actor.ADMIN)),
            Map.entry("DISPUTED>COMPLETED", EnumSet.of(Actor.ADMIN)),
            Map.entry("DISPUTED>CANCELLED", EnumSet.of(Actor.ADMIN)));

    @Test
    void everyLegalMoveIsAllowedAndEveryOtherMoveIsRefused() {
        int legal = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                Set<Actor> allowed = LEGAL.getOrDefault(from + ">" + to, Set.of());
                for (Actor actor : Actor.values()) {
                    if (allowed.contains(actor)) {
                        assertThat(from.to(to, actor).to()).isEqualTo(to);
                        legal++;
                    } else {
                        assertThatThrownBy(() -> from.to(to, actor)).as(from + ">" + to + " by " + actor)
                                .isInstanceOf(IllegalMoveException.class);
                    }
                }
            }
        }
        assertThat(legal).isEqualTo(LEGAL.values().stream().mapToInt(Set::size).sum());
    }

    @Test
    void theCustomerCancelsUntilWorkStartsAndPaidOrdersOweARefund() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::cancellable))
                .containsExactlyInAnyOrder(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.SCHEDULED);
        assertThat(OrderStatus.PENDING_PAYMENT.paid()).isFalse();
        assertThat(OrderStatus.CANCELLED.paid()).isFalse();
        assertThat(OrderStatus.DISPUTED.paid()).isTrue();
    }
}
