package com.sundispatch.dispatch.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks at expired offers every few seconds (API.md: at least every 5 s). Safe on several instances. */
@Component
class OfferExpiry {

    private final Dispatcher dispatcher;

    OfferExpiry(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${sundispatch.dispatch.expiry-check-interval:PT5S}")
    void run() {
        dispatcher.expireOffers();
    }
}
