package com.sundispatch.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which payment providers run ({@code sundispatch.payments.*}). The sandbox lets a customer confirm their own
 * payment with no money moving: on by default for development and tests, off in the prod profile unless
 * {@code SUNDISPATCH_PAYMENTS_SANDBOX_ENABLED=true} is set explicitly (a staging deployment), and then every
 * page says "Test mode". Shared because orders enforce it and the public info announces it.
 */
@ConfigurationProperties("sundispatch.payments")
public record PaymentsProperties(@DefaultValue("true") boolean sandboxEnabled) {
}
