package com.sundispatch.monitoring.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escalation and flood rules ({@code sundispatch.monitoring.rules.*}). Suspicious signals on one account (the
 * access-denied flag, a refresh-token reuse, every {@code mfaFailuresPerSignal} failed two-factor codes) are
 * counted over {@code escalationWindow}; {@code signalsToLock} of them lock the account for {@code lockDuration}.
 * {@code ipBlockFlood} automatic IP blocks within {@code ipBlockFloodWindow} raise one HIGH alert.
 */
@ConfigurationProperties("sundispatch.monitoring.rules")
public record RuleProperties(
        @DefaultValue("2") int signalsToLock,
        @DefaultValue("P1D") Duration escalationWindow,
        @DefaultValue("PT1H") Duration lockDuration,
        @DefaultValue("5") int mfaFailuresPerSignal,
        @DefaultValue("10") int ipBlockFlood,
        @DefaultValue("PT1H") Duration ipBlockFloodWindow) {

    public RuleProperties {
        if (signalsToLock < 1 || mfaFailuresPerSignal < 1 || ipBlockFlood < 1) {
            throw new IllegalArgumentException("sundispatch.monitoring.rules: counts must be at least 1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero() || lockDuration.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("sundispatch.monitoring.rules.lock-duration must be 1 s to 30 days");
        }
    }
}
