package com.sundispatch.security;

import java.time.Instant;
import java.util.Map;

/**
 * Something security-relevant happened (SECURITY.md A09). Modules publish these through {@link SecurityEvents};
 * the monitoring module stores them as audit events, logs them and runs its alert rules on them. The detail
 * holds small, non-secret facts only (never a password, token, code or link).
 */
public record SecurityEvent(String type, Instant occurredAt, String userId, String ip, String userAgent,
        Outcome outcome, Map<String, String> detail) {

    public enum Outcome {
        SUCCESS, FAILURE, DENIED, INFO
    }

    public SecurityEvent {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
