package com.sundispatch.dispatch;

import java.time.Instant;

/** Someone applied to work as an installer; admins review it. */
public record InstallerApplicationSubmitted(String eventId, String applicationId, String userId, String companyName,
        Instant submittedAt) {
}
