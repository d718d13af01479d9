package com.sundispatch.orders.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.orders.OrderCancelled;
import com.sundispatch.orders.OrderProgress;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.Money;

@Component
class OrderProgressFacade implements OrderProgress {

    private final OrderRepository orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderProgressFacade(OrderRepository orders, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean installerAssigned(String orderId) {
        return advance(orderId, OrderStatus.PAID.to(OrderStatus.SCHEDULED, Actor.INSTALLER));
    }

    @Override
    @Transactional
    public boolean installationStarted(String orderId) {
        return advance(orderId, OrderStatus.SCHEDULED.to(OrderStatus.INSTALLING, Actor.INSTALLER));
    }

    @Override
    @Transactional
    public boolean completionSubmitted(String orderId) {
        return advance(orderId, OrderStatus.INSTALLING.to(OrderStatus.AWAITING_CONFIRMATION, Actor.INSTALLER));
    }

    @Override
    @Transactional
    public boolean installationConfirmed(String orderId, Actor by) {
        OrderStatus from = by == Actor.ADMIN ? OrderStatus.DISPUTED : OrderStatus.AWAITING_CONFIRMATION;
        return advance(orderId, from.to(OrderStatus.COMPLETED, by));
    }

    @Override
    @Transactional
    public boolean installationDisputed(String orderId) {
        return advance(orderId, OrderStatus.AWAITING_CONFIRMATION.to(OrderStatus.DISPUTED, Actor.CUSTOMER));
    }

    @Override
    @Transactional
    public boolean reworkOrdered(String orderId) {
        return advance(orderId, OrderStatus.DISPUTED.to(OrderStatus.INSTALLING, Actor.ADMIN));
    }

    @Override
    @Transactional
    public boolean cancelledByAdmin(String orderId) {
        CustomerOrder order = orders.findById(orderId).orElse(null);
        if (order == null || !order.status().allows(OrderStatus.CANCELLED, Actor.ADMIN)) {
            return false;
        }
        if (orders.cancel(orderId, order.status().to(OrderStatus.CANCELLED, Actor.ADMIN), clock.instant(),
                true) != 1) {
            return false;
        }
        events.publishEvent(new OrderCancelled(EventIds.next(), orderId, order.customerId(),
                OrderCancelled.Reason.ADMIN, true, Money.of(order.total(), order.currency()), clock.instant()));
        return true;
    }

    @Override
    @Transactional
    public boolean installerWithdrawn(String orderId) {
        return advance(orderId, OrderStatus.SCHEDULED.to(OrderStatus.PAID, Actor.SYSTEM));
    }

    private boolean advance(String orderId, OrderStatus.Move move) {
        return orders.advance(orderId, move) == 1;
    }
}
