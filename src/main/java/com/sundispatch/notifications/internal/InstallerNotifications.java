package com.sundispatch.notifications.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.dispatch.InstallerApproved;
import com.sundispatch.dispatch.InstallerRejected;
import com.sundispatch.dispatch.JobCancelled;
import com.sundispatch.dispatch.OfferCreated;
import com.sundispatch.dispatch.OfferExpired;
import com.sundispatch.dispatch.OfferTaken;
import com.sundispatch.dispatch.ReviewSubmitted;

/**
 * What installers hear: the outcome of their application, offers (only what they may know before accepting:
 * postal area, distance, window, size), offers taken or expired, cancelled jobs and reviews.
 */
@Component
class InstallerNotifications {

    private static final String INSTALLER_PAGE = "/#/installer";

    private final Notifier notifier;

    InstallerNotifications(Notifier notifier) {
        this.notifier = notifier;
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
                .link(INSTALLER_PAGE).build());
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
