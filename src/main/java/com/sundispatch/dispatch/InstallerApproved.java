package com.sundispatch.dispatch;

import java.time.Instant;

/** An admin approved an installer application: the applicant is an installer from now on. */
public record InstallerApproved(String eventId, String applicationId, String userId, String companyName,
        Instant approvedAt) {
}
