package com.sundispatch.monitoring;

/** How urgent an alert is. HIGH alerts are also mailed to every admin. */
public enum AlertSeverity {
    LOW, MEDIUM, HIGH
}
