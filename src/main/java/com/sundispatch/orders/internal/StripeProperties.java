package com.sundispatch.orders.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Stripe adapter ({@code sundispatch.payments.stripe.*}), used when {@code sundispatch.payments.provider} is
 * {@code stripe}: the API's base URL (the live one by default; tests point it at a loopback fake), the secret API
 * key and the webhook endpoint's signing secret (both from the environment, never committed), the call timeout,
 * and where Stripe's hosted page sends the customer back to (relative to the public base URL).
 */
@ConfigurationProperties("sundispatch.payments.stripe")
record StripeProperties(
        @DefaultValue("https://api.stripe.com") String apiBaseUrl,
        String secretKey,
        String webhookSecret,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("PT5M") Duration webhookTolerance,
        @DefaultValue("/#/orders/{orderId}?paid=1") String successPath,
        @DefaultValue("/#/orders/{orderId}") String cancelPath) {

    @Override
    public String toString() {
        return "StripeProperties[apiBaseUrl=" + apiBaseUrl + ", secretKey=" + (secretKey == null ? "unset" : "set")
                + ", webhookSecret=" + (webhookSecret == null ? "unset" : "set") + "]";
    }
}
