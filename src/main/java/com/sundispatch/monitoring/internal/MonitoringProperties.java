package com.sundispatch.monitoring.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Alert thresholds, block length and audit retention ({@code sundispatch.monitoring.*}). */
@ConfigurationProperties("sundispatch.monitoring")
public record MonitoringProperties(
        @DefaultValue("20") int failedLoginsPerIp,
        @DefaultValue("PT10M") Duration failedLoginWindow,
        @DefaultValue("PT15M") Duration ipBlockDuration,
        @DefaultValue("30") int accessDeniedPerUser,
        @DefaultValue("PT10M") Duration accessDeniedWindow,
        @DefaultValue("P180D") Duration auditRetention) {
}
