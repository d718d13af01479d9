package com.sundispatch.notifications.internal;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.dispatch.InstallerApplicationSubmitted;
import com.sundispatch.dispatch.JobDisputed;
import com.sundispatch.dispatch.JobUnassigned;
import com.sundispatch.identity.Accounts;
import com.sundispatch.monitoring.AlertRaised;
import com.sundispatch.monitoring.AlertSeverity;
import com.sundispatch.security.SharedState;

/**
 * What every admin hears: new installer applications, jobs nobody accepted, disputed installations, and HIGH
 * security alerts (capped per admin and hour, counted across instances; the console shows every alert anyway).
 */
@Component
class AdminNotifications {

    private static final Logger log = LoggerFactory.getLogger(AdminNotifications.class);

    private final Notifier notifier;
    private final Accounts accounts;
    private final AlertMailProperties limits;
    private final SharedState counters;
    private final Clock clock;

    AdminNotifications(Notifier notifier, Accounts accounts, AlertMailProperties limits, SharedState counters,
            Clock clock) {
        this.notifier = notifier;
        this.accounts = accounts;
        this.limits = limits;
        this.counters = counters;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InstallerApplicationSubmitted event) {
        for (Accounts.Contact admin : accounts.adminContacts()) {
            notifier.send(Notice.of(NotificationKind.APPLICATION_SUBMITTED, event.eventId(), admin.userId())
                    .value("company", event.companyName()).link("/#/admin/applications").build());
        }
    }

    @ApplicationModuleListener
    void on(JobUnassigned event) {
        for (Accounts.Contact admin : accounts.adminContacts()) {
            notifier.send(Notice.of(NotificationKind.JOB_UNASSIGNED, event.eventId(), admin.userId())
                    .value("order", CustomerNotifications.reference(event.orderId()))
                    .value("place", event.postalCode() + " " + event.city()).link("/#/admin/jobs").build());
        }
    }

    /**
     * A dispute waits for an admin's decision. Dispatch also raises the MEDIUM alert {@code JOB_DISPUTED} for the
     * console, but only HIGH alerts are mailed (below), so this notice is the admins' mail and inbox entry; should
     * that alert ever become HIGH, admins would hear twice.
     */
    @ApplicationModuleListener
    void on(JobDisputed event) {
        for (Accounts.Contact admin : accounts.adminContacts()) {
            notifier.send(Notice.of(NotificationKind.DISPUTE_OPENED, event.eventId(), admin.userId())
                    .value("order", CustomerNotifications.reference(event.orderId()))
                    .value("company", event.companyName())
                    .fact("fact.order", CustomerNotifications.reference(event.orderId()))
                    .fact("fact.company", event.companyName()).fact("fact.disputedAt", event.disputedAt())
                    .fact("fact.reason", CustomerNotifications.blankToNull(event.reason()))
                    .link("/#/admin/jobs").build());
        }
    }

    @ApplicationModuleListener
    void on(AlertRaised alert) {
        if (alert.severity() != AlertSeverity.HIGH || !limits.enabled()) {
            return;
        }
        long hour = clock.millis() / Duration.ofHours(1).toMillis();
        for (Accounts.Contact admin : accounts.adminContacts()) {
            long sent = sentThisHour(admin.userId(), hour);
            if (sent > limits.perAdminPerHour()) {
                log.warn("Alert mail to admin {} dropped: {} alert mails this hour already (alert {} {})",
                        admin.userId(), limits.perAdminPerHour(), alert.type(), alert.alertId());
                continue;
            }
            notifier.send(Notice.of(NotificationKind.SECURITY_ALERT, "alert_" + alert.alertId(), admin.userId())
                    .variant(sent == limits.perAdminPerHour() ? "last" : null).value("type", alert.type())
                    .value("severity", alert.severity()).value("subject", alert.subject())
                    .fact("fact.severity", alert.severity()).fact("fact.when", alert.raisedAt())
                    .fact("fact.subject", alert.subject()).fact("fact.reason", alert.detail())
                    .link("/#/admin").build());
        }
    }

    /**
     * Counted in the shared store, so N instances still send at most the cap. Should it fail, the mail goes
     * out: one mail too many beats a missed alert.
     */
    private long sentThisHour(String adminId, long hour) {
        try {
            return counters.increment("alertmail:" + adminId + ":" + hour, Duration.ofHours(2));
        } catch (SharedState.UnavailableException e) {
            return 1;
        }
    }
}
