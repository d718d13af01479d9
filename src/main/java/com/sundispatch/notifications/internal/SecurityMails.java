package com.sundispatch.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.identity.AccountLocked;
import com.sundispatch.identity.Accounts;
import com.sundispatch.monitoring.AlertRaised;
import com.sundispatch.monitoring.AlertSeverity;
import com.sundispatch.security.SharedState;

/**
 * Security mails: HIGH alerts to every admin (capped per admin and hour, counted across instances), and the
 * notice to an account's owner that it was locked. Sent after the change is committed, off the request thread.
 */
@Component
class SecurityMails {

    private static final Logger log = LoggerFactory.getLogger(SecurityMails.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MailDelivery delivery;
    private final MailSettings settings;
    private final AlertMailProperties limits;
    private final Accounts accounts;
    private final SharedState counters;
    private final Clock clock;

    SecurityMails(MailDelivery delivery, MailSettings settings, AlertMailProperties limits, Accounts accounts,
            SharedState counters, Clock clock) {
        this.delivery = delivery;
        this.settings = settings;
        this.limits = limits;
        this.accounts = accounts;
        this.counters = counters;
        this.clock = clock;
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
            String last = sent == limits.perAdminPerHour() ? """

                    This is the last alert mail you get this hour; further alerts are only in the admin console.
                    """ : "";
            delivery.deliver(new OutgoingMail(admin.email(), "[SunDispatch] Security alert: " + alert.type(), """
                    Hello %s,

                    a security alert of severity %s was raised at %s:

                    %s
                    Subject: %s

                    Review, acknowledge and resolve it in the admin console: %s/#/admin
                    %s""".formatted(admin.fullName(), alert.severity(), WHEN.format(alert.raisedAt()),
                    alert.detail() == null ? alert.type() : alert.detail(), alert.subject(), settings.publicBaseUrl(),
                    last), "security-alert", admin.userId()));
        }
    }

    @ApplicationModuleListener
    void on(AccountLocked event) {
        delivery.deliver(new OutgoingMail(event.email(), "Your SunDispatch account is locked for now", """
                Hello %s,

                we noticed suspicious activity on your SunDispatch account (%s) and locked it at %s
                to protect you. All its sessions were signed out.

                You can sign in again after %s.

                If this was not you, someone may know your password or have stolen a sign-in: reset your
                password at %s/#/forgot once the lock has ended, and turn on two-factor authentication.
                """.formatted(event.fullName(), event.reason(), WHEN.format(event.lockedAt()),
                WHEN.format(event.lockedUntil()), settings.publicBaseUrl()), "account-locked", event.userId()));
    }

    /**
     * Counted in the shared store, so N instances still send at most the cap. The shared state falls back to
     * memory by itself; should it still fail, the mail goes out: one mail too many beats a missed alert.
     */
    private long sentThisHour(String adminId, long hour) {
        try {
            return counters.increment("alertmail:" + adminId + ":" + hour, Duration.ofHours(2));
        } catch (SharedState.UnavailableException e) {
            return 1;
        }
    }
}
