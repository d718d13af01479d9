package com.sundispatch.orders.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drives reservation expiry; safe on any number of instances (see {@link OrderService#expireReservations}). */
@Component
class ReservationExpiry {

    private final OrderService orders;

    ReservationExpiry(OrderService orders) {
        this.orders = orders;
    }

    @Scheduled(fixedDelayString = "${sundispatch.orders.expiry-check-interval:PT30S}",
            initialDelayString = "${sundispatch.orders.expiry-check-interval:PT30S}")
    void run() {
        orders.expireReservations();
    }
}
