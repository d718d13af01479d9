package com.sundispatch.notifications.internal;

import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.dispatch.JobAssigned;
import com.sundispatch.dispatch.JobCompleted;
import com.sundispatch.dispatch.JobStarted;
import com.sundispatch.dispatch.JobUnassigned;
import com.sundispatch.orders.OrderCancelled;
import com.sundispatch.orders.OrderPaid;
import com.sundispatch.orders.OrderPlaced;

/**
 * What homeowners hear about their order and installation. Durable listeners: each runs after its event's
 * transaction committed, off the request thread, and is redelivered until it succeeds.
 */
@Component
class CustomerNotifications {

    private final Notifier notifier;
    private final Preferences preferences;

    CustomerNotifications(Notifier notifier, Preferences preferences) {
        this.notifier = notifier;
        this.preferences = preferences;
    }

    /** How an order is named to people: the first eight characters of its id, as the web client shows it. */
    static String reference(String orderId) {
        return orderId.substring(0, Math.min(8, orderId.length())).toUpperCase(Locale.ROOT);
    }

    private static String orderLink(String orderId) {
        return "/#/orders/" + orderId;
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        Notice.Builder notice = Notice.of(NotificationKind.ORDER_PLACED, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("total", event.total())
                .value("reservedUntil", event.reservedUntil())
                .fact("fact.order", reference(event.orderId())).fact("fact.panelsTotal", event.panelsTotal())
                .fact("fact.installationFee", event.installationFee()).fact("fact.total", event.total())
                .fact("fact.reservedUntil", event.reservedUntil()).link(orderLink(event.orderId()));
        event.items().forEach(i -> notice.line(i.panelName(), i.quantity(), i.unitPrice()));
        notifier.send(notice.build());
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        notifier.send(Notice.of(NotificationKind.PAYMENT_RECEIVED, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("amount", event.amount())
                .fact("fact.order", reference(event.orderId())).fact("fact.amount", event.amount())
                .fact("fact.paidAt", event.paidAt()).fact("fact.paymentReference", event.paymentId())
                .link(orderLink(event.orderId())).build());
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        String variant = event.refundDue() ? "refund"
                : event.reason() == OrderCancelled.Reason.RESERVATION_EXPIRED ? "expired" : null;
        notifier.send(Notice.of(NotificationKind.ORDER_CANCELLED, event.eventId(), event.customerId())
                .variant(variant).value("order", reference(event.orderId())).value("refund", event.refundAmount())
                .fact("fact.order", reference(event.orderId())).fact("fact.refund", event.refundAmount())
                .link("/#/orders").build());
    }

    @ApplicationModuleListener
    void on(JobAssigned event) {
        notifier.send(Notice.of(NotificationKind.INSTALLER_ASSIGNED, event.eventId(), event.customerId())
                .variant(event.averageRating() == null ? "unrated" : null)
                .value("company", event.companyName()).value("installer", event.installerName())
                .value("rating", event.averageRating()).value("reviews", event.reviewCount())
                .value("windowStart", event.windowStart()).value("windowEnd", event.windowEnd())
                .fact("fact.order", reference(event.orderId())).fact("fact.company", event.companyName())
                .fact("fact.installer", event.installerName())
                .fact("fact.window", new Window(event.windowStart(), event.windowEnd()))
                .link(orderLink(event.orderId())).build());
    }

    @ApplicationModuleListener
    void on(JobStarted event) {
        notifier.send(Notice.of(NotificationKind.INSTALLATION_STARTED, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("company", event.companyName())
                .value("startedAt", event.startedAt()).link(orderLink(event.orderId())).build());
    }

    /** With a review request, unless the homeowner turned review mails off. */
    @ApplicationModuleListener
    void on(JobCompleted event) {
        boolean askForReview = preferences.allows(event.customerId(), NotificationCategory.REVIEWS,
                NotificationChannel.EMAIL);
        notifier.send(Notice.of(NotificationKind.INSTALLATION_COMPLETED, event.eventId(), event.customerId())
                .variant(askForReview ? "review" : null).value("company", event.companyName())
                .value("completedAt", event.completedAt()).fact("fact.order", reference(event.orderId()))
                .link(orderLink(event.orderId())).build());
    }

    @ApplicationModuleListener
    void on(JobUnassigned event) {
        notifier.send(Notice.of(NotificationKind.NO_INSTALLER_FOUND, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("place", event.postalCode() + " " + event.city())
                .link(orderLink(event.orderId())).build());
    }
}
