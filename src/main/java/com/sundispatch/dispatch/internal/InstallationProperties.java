package com.sundispatch.dispatch.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The installation's rules ({@code sundispatch.installation.*}): proposals per scheduling negotiation, how long
 * before an appointment it may still be moved, the longest appointment, when a completion report is confirmed
 * automatically and when its customer is reminded, when an appointment without a start alerts admins, the photo
 * cap per report, and how often the timers run.
 */
@ConfigurationProperties("sundispatch.installation")
public record InstallationProperties(
        @DefaultValue("6") int maxProposals,
        @DefaultValue("PT48H") Duration rescheduleNotice,
        @DefaultValue("P3D") Duration maxAppointmentLength,
        @DefaultValue("P7D") Duration confirmWithin,
        @DefaultValue("P3D") Duration reminderAfter,
        @DefaultValue("P1D") Duration lateStartAlertAfter,
        @DefaultValue("10") int maxPhotos,
        @DefaultValue("PT1M") Duration timerInterval) {

    public InstallationProperties {
        if (maxProposals < 2 || maxPhotos < 1 || reminderAfter.compareTo(confirmWithin) >= 0
                || rescheduleNotice.isNegative() || maxAppointmentLength.isNegative() || maxAppointmentLength.isZero()) {
            throw new IllegalArgumentException("installation: max-proposals >= 2, max-photos >= 1, "
                    + "reminder-after < confirm-within, positive durations");
        }
    }
}
