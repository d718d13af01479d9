package com.sundispatch.orders.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Abuse limits and timing of orders ({@code sundispatch.orders.*}). */
@ConfigurationProperties("sundispatch.orders")
public record OrdersProperties(
        @DefaultValue("PT30M") Duration reservationTtl,
        @DefaultValue("5") int maxUnpaidOrders,
        @DefaultValue("PT30S") Duration expiryCheckInterval) {
}
