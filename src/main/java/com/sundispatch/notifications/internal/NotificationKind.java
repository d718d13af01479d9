package com.sundispatch.notifications.internal;

/**
 * Every kind of notification, with its category. The name is the stable {@code kind} of the inbox API and the
 * key prefix of its texts in {@code notifications/messages*.properties}.
 */
public enum NotificationKind {
    ORDER_PLACED(NotificationCategory.ORDERS),
    PAYMENT_RECEIVED(NotificationCategory.ORDERS),
    ORDER_CANCELLED(NotificationCategory.ORDERS),
    REFUND_ISSUED(NotificationCategory.ORDERS),
    INSTALLER_ASSIGNED(NotificationCategory.INSTALLATION),
    INSTALLATION_STARTED(NotificationCategory.INSTALLATION),
    INSTALLATION_COMPLETED(NotificationCategory.INSTALLATION),
    NO_INSTALLER_FOUND(NotificationCategory.INSTALLATION),
    // The installation's life cycle as the homeowner hears it (links to the order page).
    APPOINTMENT_PROPOSED(NotificationCategory.INSTALLATION),
    APPOINTMENT_AGREED(NotificationCategory.INSTALLATION),
    RESCHEDULE_REQUESTED(NotificationCategory.INSTALLATION),
    COMPLETION_SUBMITTED(NotificationCategory.INSTALLATION),
    COMPLETION_REMINDER(NotificationCategory.INSTALLATION),
    DISPUTE_RESOLVED(NotificationCategory.INSTALLATION),
    APPLICATION_APPROVED(NotificationCategory.INSTALLER),
    APPLICATION_REJECTED(NotificationCategory.INSTALLER),
    OFFER_CREATED(NotificationCategory.OFFERS),
    OFFER_TAKEN(NotificationCategory.OFFERS),
    OFFER_EXPIRED(NotificationCategory.OFFERS),
    JOB_CANCELLED(NotificationCategory.INSTALLER),
    // The same life cycle as the installer hears it (links to the job page).
    JOB_APPOINTMENT_PROPOSED(NotificationCategory.INSTALLER),
    JOB_APPOINTMENT_AGREED(NotificationCategory.INSTALLER),
    JOB_RESCHEDULE_REQUESTED(NotificationCategory.INSTALLER),
    JOB_CONFIRMED(NotificationCategory.INSTALLER),
    JOB_DISPUTED(NotificationCategory.INSTALLER),
    JOB_DISPUTE_RESOLVED(NotificationCategory.INSTALLER),
    REVIEW_RECEIVED(NotificationCategory.REVIEWS),
    APPLICATION_SUBMITTED(NotificationCategory.ADMIN),
    JOB_UNASSIGNED(NotificationCategory.ADMIN),
    DISPUTE_OPENED(NotificationCategory.ADMIN),
    SECURITY_ALERT(NotificationCategory.ADMIN),
    NEW_DEVICE_SIGN_IN(NotificationCategory.SECURITY),
    PASSWORD_CHANGED(NotificationCategory.SECURITY),
    MFA_ENABLED(NotificationCategory.SECURITY),
    MFA_DISABLED(NotificationCategory.SECURITY),
    RECOVERY_CODE_USED(NotificationCategory.SECURITY),
    EMAIL_CHANGED(NotificationCategory.SECURITY),
    ACCOUNT_BANNED(NotificationCategory.SECURITY),
    ACCOUNT_UNBANNED(NotificationCategory.SECURITY),
    ACCOUNT_LOCKED(NotificationCategory.SECURITY),
    ROLE_CHANGED(NotificationCategory.SECURITY),
    INSTALLER_ROLE_REVOKED(NotificationCategory.SECURITY),
    MFA_RESET(NotificationCategory.SECURITY),
    // Mails that carry a link for the account's own use: mail only, never in the inbox or pushed.
    EMAIL_VERIFICATION(NotificationCategory.SECURITY, true),
    PASSWORD_RESET(NotificationCategory.SECURITY, true),
    REGISTRATION_ATTEMPT(NotificationCategory.SECURITY, true),
    DATA_EXPORT_READY(NotificationCategory.SECURITY, true),
    ACCOUNT_DELETION_SCHEDULED(NotificationCategory.SECURITY, true),
    // Account self-service: the link to confirm a new address, the notice (with undo link) to the old one, the
    // notice to an address someone tried to move another account to, and the way back in after securing.
    EMAIL_CHANGE_VERIFICATION(NotificationCategory.SECURITY, true),
    EMAIL_CHANGE_UNDO(NotificationCategory.SECURITY, true),
    EMAIL_CHANGE_ATTEMPT(NotificationCategory.SECURITY, true),
    ACCOUNT_SECURED(NotificationCategory.SECURITY, true);

    private final NotificationCategory category;
    private final boolean mailOnly;

    NotificationKind(NotificationCategory category) {
        this(category, false);
    }

    NotificationKind(NotificationCategory category, boolean mailOnly) {
        this.category = category;
        this.mailOnly = mailOnly;
    }

    /** Sent by mail whatever the preferences say, and nowhere else (the mail is the point: it holds a link). */
    public boolean mailOnly() {
        return mailOnly;
    }

    public NotificationCategory category() {
        return category;
    }

    /** Mailed whatever the preferences and the category cap say (HIGH alerts: capped per admin on their own). */
    public boolean alwaysMailed() {
        return this == SECURITY_ALERT;
    }

    /** Security notices end with "not you? secure your account". */
    public boolean securityNotice() {
        return category == NotificationCategory.SECURITY && !mailOnly;
    }
}
