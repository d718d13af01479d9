package com.sundispatch.orders.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.orders.OrderProgress;
import com.sundispatch.orders.OrderStatus;

@Component
class OrderProgressFacade implements OrderProgress {

    private final OrderRepository orders;

    OrderProgressFacade(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    @Transactional
    public boolean installerAssigned(String orderId) {
        return orders.advance(orderId, OrderStatus.PAID, OrderStatus.SCHEDULED) == 1;
    }

    @Override
    @Transactional
    public boolean installationStarted(String orderId) {
        return orders.advance(orderId, OrderStatus.SCHEDULED, OrderStatus.INSTALLING) == 1;
    }

    @Override
    @Transactional
    public boolean installationCompleted(String orderId) {
        return orders.advance(orderId, OrderStatus.INSTALLING, OrderStatus.COMPLETED) == 1;
    }

    @Override
    @Transactional
    public boolean installerWithdrawn(String orderId) {
        return orders.advance(orderId, OrderStatus.SCHEDULED, OrderStatus.PAID) == 1;
    }
}
