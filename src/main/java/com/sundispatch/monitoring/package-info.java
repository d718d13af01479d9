/**
 * Security logging and monitoring (A09): the request log, the redaction of every log line, the audit trail
 * of security events, alert rules and IP blocks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring", allowedDependencies = { "security",
        "shared", "identity" })
package com.sundispatch.monitoring;
