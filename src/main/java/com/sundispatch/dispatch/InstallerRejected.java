package com.sundispatch.dispatch;

import java.time.Instant;

/** An admin rejected an installer application, with the reason the applicant is told. */
public record InstallerRejected(String eventId, String applicationId, String userId, String companyName,
        String reason, Instant rejectedAt) {
}
