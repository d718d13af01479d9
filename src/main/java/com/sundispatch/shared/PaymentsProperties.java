package com.sundispatch.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which payment provider takes payments ({@code sundispatch.payments.*}): {@code provider} is {@code sandbox} or
 * {@code stripe}. The sandbox lets a customer confirm their own payment with no money moving: allowed by default
 * for development and tests, refused in the prod profile unless {@code SUNDISPATCH_PAYMENTS_SANDBOX_ENABLED=true}
 * is set explicitly (a staging deployment), and then every page says "Test mode". Payments still awaiting
 * confirmation after {@code reconcileAfter} and pending refunds are asked of the provider every
 * {@code reconcileInterval}. Shared because orders enforce it and the public info announces it.
 */
@ConfigurationProperties("sundispatch.payments")
public record PaymentsProperties(
        @DefaultValue("true") boolean sandboxEnabled,
        @DefaultValue("sandbox") String provider,
        @DefaultValue("PT5M") Duration reconcileInterval,
        @DefaultValue("PT10M") Duration reconcileAfter) {

    public static final String SANDBOX = "sandbox";
    public static final String STRIPE = "stripe";

    public PaymentsProperties {
        if (!SANDBOX.equals(provider) && !STRIPE.equals(provider)) {
            throw new IllegalArgumentException("sundispatch.payments.provider must be sandbox or stripe");
        }
    }

    /** The sandbox takes payments: it is the provider and it is allowed here. */
    public boolean sandboxActive() {
        return SANDBOX.equals(provider) && sandboxEnabled;
    }
}
