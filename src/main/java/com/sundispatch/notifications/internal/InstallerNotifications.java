package com.sundispatch.notifications.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.dispatch.AppointmentAgreed;
import com.sundispatch.dispatch.AppointmentProposed;
import com.sundispatch.dispatch.DisputeResolved;
import com.sundispatch.dispatch.InstallerApproved;
import com.sundispatch.dispatch.InstallerRejected;
import com.sundispatch.dispatch.JobCancelled;
import com.sundispatch.dispatch.JobCompleted;
import com.sundispatch.dispatch.JobDisputed;
import com.sundispatch.dispatch.OfferCreated;
import com.sundispatch.dispatch.OfferExpired;
import com.sundispatch.dispatch.OfferTaken;
import com.sundispatch.dispatch.RescheduleRequested;
import com.sundispatch.dispatch.ReviewSubmitted;
import com.sundispatch.identity.Accounts;
import com.sundispatch.shared.Actor;

/**
 * What installers hear: the outcome of their application, offers (only what they may know before accepting:
 * postal area, distance, window, size), offers taken or expired, and for the jobs they hold: the customer's
 * appointment proposals, the agreed date, reschedules, the confirmation, disputes and their resolution,
 * cancellations and reviews.
 */
@Component
class InstallerNotifications {

    private static final String INSTALLER_PAGE = "/#/installer";

    private final Notifier notifier;
    private final Accounts accounts;

    InstallerNotifications(Notifier notifier, Accounts accounts) {
        this.notifier = notifier;
        this.accounts = accounts;
    }

    /** The offer itself (web: the installer page with its card in focus; the app maps it to its offer screen). */
    private static String offerLink(String offerId) {
        return INSTALLER_PAGE + "/offers/" + offerId;
    }

    /** The job's own page in the web client. */
    private static String jobLink(String jobId) {
        return "/#/installer/jobs/" + jobId;
    }

    /** The customer proposed a date (the installer's own proposals are not news to the installer). */
    @ApplicationModuleListener
    void on(AppointmentProposed event) {
        if (event.proposedBy() == Actor.INSTALLER) {
            return;
        }
        SiteTime appointment = SiteTime.of(event.start(), event.end(), event.timeZone());
        notifier.send(Notice.of(NotificationKind.JOB_APPOINTMENT_PROPOSED, event.eventId(), event.installerId())
                .value("order", CustomerNotifications.reference(event.orderId())).value("appointment", appointment)
                .fact("fact.order", CustomerNotifications.reference(event.orderId()))
                .fact("fact.customer", CustomerNotifications.nameOf(accounts, event.customerId()))
                .fact("fact.appointment", appointment).link(jobLink(event.jobId())).build());
    }

    @ApplicationModuleListener
    void on(AppointmentAgreed event) {
        SiteTime appointment = SiteTime.of(event.start(), event.end(), event.timeZone());
        notifier.send(Notice.of(NotificationKind.JOB_APPOINTMENT_AGREED, event.eventId(), event.installerId())
                .value("order", CustomerNotifications.reference(event.orderId())).value("appointment", appointment)
                .fact("fact.order", CustomerNotifications.reference(event.orderId()))
                .fact("fact.customer", CustomerNotifications.nameOf(accounts, event.customerId()))
                .fact("fact.appointment", appointment).link(jobLink(event.jobId())).build());
    }

    /** The customer gave up the agreed date; their reason is their own words (escaped like every value). */
    @ApplicationModuleListener
    void on(RescheduleRequested event) {
        if (event.requestedBy() == Actor.INSTALLER) {
            return;
        }
        SiteTime previous = SiteTime.at(event.previousStart(), event.timeZone());
        notifier.send(Notice.of(NotificationKind.JOB_RESCHEDULE_REQUESTED, event.eventId(), event.installerId())
                .value("order", CustomerNotifications.reference(event.orderId())).value("previous", previous)
                .fact("fact.order", CustomerNotifications.reference(event.orderId()))
                .fact("fact.customer", CustomerNotifications.nameOf(accounts, event.customerId()))
                .fact("fact.previousAppointment", previous)
                .fact("fact.reason", CustomerNotifications.blankToNull(event.reason()))
                .link(jobLink(event.jobId())).build());
    }

    /** The job is done for good: who confirmed it picks the words (none stored before 0.11.0: the customer). */
    @ApplicationModuleListener
    void on(JobCompleted event) {
        if (event.confirmedBy() == Actor.ADMIN) {
            // An admin's COMPLETE resolution: the installer hears it once, as JOB_DISPUTE_RESOLVED with the note.
            return;
        }
        String variant = event.confirmedBy() == Actor.SYSTEM ? "automatic" : null;
        notifier.send(Notice.of(NotificationKind.JOB_CONFIRMED, event.eventId(), event.installerId())
                .variant(variant).value("order", CustomerNotifications.reference(event.orderId()))
                .fact("fact.order", CustomerNotifications.reference(event.orderId()))
                .fact("fact.completedAt", event.completedAt()).link(jobLink(event.jobId())).build());
    }

    @ApplicationModuleListener
    void on(JobDisputed event) {
        notifier.send(Notice.of(NotificationKind.JOB_DISPUTED, event.eventId(), event.installerId())
                .value("order", CustomerNotifications.reference(event.orderId()))
                .fact("fact.order", CustomerNotifications.reference(event.orderId()))
                .fact("fact.reason", CustomerNotifications.blankToNull(event.reason()))
                .link(jobLink(event.jobId())).build());
    }

    @ApplicationModuleListener
    void on(DisputeResolved event) {
        notifier.send(Notice.of(NotificationKind.JOB_DISPUTE_RESOLVED, event.eventId(), event.installerId())
                .variant(CustomerNotifications.outcome(event.outcome()))
                .value("order", CustomerNotifications.reference(event.orderId()))
                .fact("fact.order", CustomerNotifications.reference(event.orderId()))
                .fact("fact.note", CustomerNotifications.blankToNull(event.note()))
                .link(jobLink(event.jobId())).build());
    }

    @ApplicationModuleListener
    void on(InstallerApproved event) {
        notifier.send(Notice.of(NotificationKind.APPLICATION_APPROVED, event.eventId(), event.userId())
                .value("company", event.companyName()).link(INSTALLER_PAGE).build());
    }

    @ApplicationModuleListener
    void on(InstallerRejected event) {
        notifier.send(Notice.of(NotificationKind.APPLICATION_REJECTED, event.eventId(), event.userId())
                .value("company", event.companyName()).value("reason", event.reason()).link(INSTALLER_PAGE)
                .build());
    }

    @ApplicationModuleListener
    void on(OfferCreated event) {
        String place = event.postalCode() + " " + event.city();
        notifier.send(Notice.of(NotificationKind.OFFER_CREATED, event.eventId(), event.installerId())
                .value("place", place).value("panels", event.panelCount()).value("distance", event.distanceKm())
                .value("expiresAt", event.expiresAt())
                .fact("fact.place", place).fact("fact.distance", event.distanceKm())
                .fact("fact.window", new Window(event.windowStart(), event.windowEnd()))
                .fact("fact.panels", event.panelCount()).fact("fact.expiresAt", event.expiresAt())
                .link(offerLink(event.offerId())).build());
    }

    @ApplicationModuleListener
    void on(OfferTaken event) {
        notifier.send(Notice.of(NotificationKind.OFFER_TAKEN, event.eventId(), event.installerId())
                .link(INSTALLER_PAGE).build());
    }

    @ApplicationModuleListener
    void on(OfferExpired event) {
        notifier.send(Notice.of(NotificationKind.OFFER_EXPIRED, event.eventId(), event.installerId())
                .link(INSTALLER_PAGE).build());
    }

    @ApplicationModuleListener
    void on(JobCancelled event) {
        notifier.send(Notice.of(NotificationKind.JOB_CANCELLED, event.eventId(), event.installerId())
                .fact("fact.order", CustomerNotifications.reference(event.orderId())).link(INSTALLER_PAGE).build());
    }

    @ApplicationModuleListener
    void on(ReviewSubmitted event) {
        notifier.send(Notice.of(NotificationKind.REVIEW_RECEIVED, event.eventId(), event.installerId())
                .value("rating", event.rating()).fact("fact.rating", event.rating() + " / 5")
                .fact("fact.comment", event.comment() == null || event.comment().isBlank() ? null : event.comment())
                .link(INSTALLER_PAGE).build());
    }
}
