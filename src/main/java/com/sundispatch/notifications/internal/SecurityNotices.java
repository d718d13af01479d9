package com.sundispatch.notifications.internal;

import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.identity.AccountBanned;
import com.sundispatch.identity.AccountLocked;
import com.sundispatch.identity.AccountUnbanned;
import com.sundispatch.identity.InstallerRoleRevoked;
import com.sundispatch.identity.MfaDisabled;
import com.sundispatch.identity.MfaEnabled;
import com.sundispatch.identity.MfaResetByAdmin;
import com.sundispatch.identity.NewDeviceSignIn;
import com.sundispatch.identity.PasswordChanged;
import com.sundispatch.identity.RecoveryCodeUsed;
import com.sundispatch.identity.Role;
import com.sundispatch.identity.RoleChanged;

/**
 * Security notices to an account's owner. They cannot be turned off by mail or in the app, and each mail ends
 * with "not you? secure your account", one click from a password reset that signs out every session.
 */
@Component
class SecurityNotices {

    /** Bans without an end are stored as this far-future instant. */
    private static final Instant NO_END = Instant.parse("9000-01-01T00:00:00Z");
    private static final String ACCOUNT_PAGE = "/#/account";

    private final Notifier notifier;
    private final PushSubscriptions devices;
    private final DevicePushTokens phones;

    SecurityNotices(Notifier notifier, PushSubscriptions devices, DevicePushTokens phones) {
        this.notifier = notifier;
        this.devices = devices;
        this.phones = phones;
    }

    @ApplicationModuleListener
    void on(NewDeviceSignIn event) {
        notifier.send(Notice.of(NotificationKind.NEW_DEVICE_SIGN_IN, event.eventId(), event.userId())
                .value("browser", event.browser()).value("operatingSystem", event.operatingSystem())
                .value("network", event.network()).fact("fact.when", event.signedInAt())
                .fact("fact.browser", event.browser()).fact("fact.operatingSystem", event.operatingSystem())
                .fact("fact.network", event.network()).link(ACCOUNT_PAGE).build());
    }

    /**
     * A new password ends every other session, so it also ends pushes to the devices registered so far: whoever
     * had the account before must not keep reading its notifications.
     */
    @ApplicationModuleListener
    void on(PasswordChanged event) {
        devices.removeAll(event.userId());
        phones.removeAll(event.userId());
        notifier.send(Notice.of(NotificationKind.PASSWORD_CHANGED, event.eventId(), event.userId())
                .variant(event.viaReset() ? "reset" : null).value("when", event.changedAt()).link(ACCOUNT_PAGE)
                .build());
    }

    @ApplicationModuleListener
    void on(MfaEnabled event) {
        notifier.send(Notice.of(NotificationKind.MFA_ENABLED, event.eventId(), event.userId())
                .value("when", event.enabledAt()).link(ACCOUNT_PAGE).build());
    }

    @ApplicationModuleListener
    void on(MfaDisabled event) {
        notifier.send(Notice.of(NotificationKind.MFA_DISABLED, event.eventId(), event.userId())
                .value("when", event.disabledAt()).link(ACCOUNT_PAGE).build());
    }

    @ApplicationModuleListener
    void on(RecoveryCodeUsed event) {
        notifier.send(Notice.of(NotificationKind.RECOVERY_CODE_USED, event.eventId(), event.userId())
                .value("when", event.usedAt()).value("remaining", event.remaining()).link(ACCOUNT_PAGE).build());
    }

    @ApplicationModuleListener
    void on(AccountBanned event) {
        devices.removeAll(event.userId());
        phones.removeAll(event.userId());
        boolean permanent = event.until() == null || event.until().isAfter(NO_END);
        notifier.send(Notice.of(NotificationKind.ACCOUNT_BANNED, event.eventId(), event.userId())
                .variant(permanent ? "permanent" : null).value("until", permanent ? null : event.until())
                .link("/#/login").build());
    }

    @ApplicationModuleListener
    void on(AccountUnbanned event) {
        notifier.send(Notice.of(NotificationKind.ACCOUNT_UNBANNED, event.eventId(), event.userId())
                .link("/#/login").build());
    }

    @ApplicationModuleListener
    void on(AccountLocked event) {
        notifier.send(Notice.of(NotificationKind.ACCOUNT_LOCKED, event.eventId(), event.userId())
                .value("until", event.lockedUntil()).value("reason", event.reason())
                .fact("fact.when", event.lockedAt()).fact("fact.until", event.lockedUntil()).link("/#/forgot")
                .build());
    }

    @ApplicationModuleListener
    void on(RoleChanged event) {
        notifier.send(Notice.of(NotificationKind.ROLE_CHANGED, event.eventId(), event.userId())
                .variant(event.to() == Role.ADMIN ? null : "demoted").value("role", event.to()).link("/#/login")
                .build());
    }

    @ApplicationModuleListener
    void on(InstallerRoleRevoked event) {
        notifier.send(Notice.of(NotificationKind.INSTALLER_ROLE_REVOKED, event.eventId(), event.userId())
                .link("/#/installer").build());
    }

    @ApplicationModuleListener
    void on(MfaResetByAdmin event) {
        devices.removeAll(event.userId());
        phones.removeAll(event.userId());
        notifier.send(Notice.of(NotificationKind.MFA_RESET, event.eventId(), event.userId()).link("/#/login")
                .build());
    }

    /** "j***@example.com": enough for the owner to recognise, not a full address in someone else's mailbox. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
