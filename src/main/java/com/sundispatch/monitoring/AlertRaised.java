package com.sundispatch.monitoring;

import java.time.Instant;

/** A monitoring rule raised an alert (published after it is stored). */
public record AlertRaised(String alertId, String type, AlertSeverity severity, Instant raisedAt, String subject,
        String detail) {
}
