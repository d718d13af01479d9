package com.sundispatch.orders.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.sundispatch.shared.PaymentsProperties;

/**
 * The configured provider takes new payments; a refund or a status query goes to the provider that took the
 * payment, which may be another one after the configuration changed.
 */
@Component
class PaymentProviders {

    private final Map<String, PaymentProvider> byName;
    private final PaymentProvider active;

    PaymentProviders(List<PaymentProvider> all, PaymentsProperties settings) {
        this.byName = all.stream().collect(Collectors.toUnmodifiableMap(PaymentProvider::name, Function.identity()));
        this.active = byName.get(settings.provider());
        if (active == null) {
            throw new IllegalStateException("No payment provider named " + settings.provider());
        }
    }

    PaymentProvider active() {
        return active;
    }

    /** The provider that took a payment; an unknown name (a provider since removed) cannot be asked anything. */
    PaymentProvider of(String name) {
        PaymentProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalStateException("Payment provider " + name + " is not available in this deployment");
        }
        return provider;
    }
}
