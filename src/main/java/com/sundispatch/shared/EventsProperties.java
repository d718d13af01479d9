package com.sundispatch.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed deliveries of durable events are tried again ({@code sundispatch.events.*}): first after
 * {@code firstRetryDelay}, then twice as long after each further failure, never more than {@code maxRetryDelay}
 * apart, checked every {@code retryCheckInterval}. Nothing is ever given up: a mail that cannot be sent today
 * is sent when the mail server is back.
 */
@ConfigurationProperties("sundispatch.events")
public record EventsProperties(@DefaultValue("PT30S") Duration firstRetryDelay,
        @DefaultValue("PT1H") Duration maxRetryDelay, @DefaultValue("PT10S") Duration retryCheckInterval) {

    /** How long to wait after the {@code attempts}-th failed attempt (1-based) before the next one. */
    public Duration delayAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration delay = firstRetryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
