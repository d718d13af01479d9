package com.sundispatch.notifications.internal;

import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.billing.Invoicing;
import com.sundispatch.dispatch.AppointmentAgreed;
import com.sundispatch.dispatch.AppointmentProposed;
import com.sundispatch.dispatch.CompletionReminderDue;
import com.sundispatch.dispatch.CompletionSubmitted;
import com.sundispatch.dispatch.DisputeResolved;
import com.sundispatch.dispatch.JobAssigned;
import com.sundispatch.dispatch.JobCompleted;
import com.sundispatch.dispatch.JobStarted;
import com.sundispatch.dispatch.JobUnassigned;
import com.sundispatch.dispatch.RescheduleRequested;
import com.sundispatch.identity.Accounts;
import com.sundispatch.orders.OrderCancelled;
import com.sundispatch.orders.OrderPaid;
import com.sundispatch.orders.OrderPlaced;
import com.sundispatch.orders.RefundIssued;
import com.sundispatch.shared.Actor;

/**
 * What homeowners hear about their order and installation. Durable listeners: each runs after its event's
 * transaction committed, off the request thread, and is redelivered until it succeeds.
 */
@Component
class CustomerNotifications {

    private final Notifier notifier;
    private final Preferences preferences;
    private final Accounts accounts;
    private final Invoicing invoicing;

    CustomerNotifications(Notifier notifier, Preferences preferences, Accounts accounts, Invoicing invoicing) {
        this.notifier = notifier;
        this.invoicing = invoicing;
        this.preferences = preferences;
        this.accounts = accounts;
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

    /** The receipt, with the invoice attached (events stored before 0.12.0 name none). */
    @ApplicationModuleListener
    void on(OrderPaid event) {
        String invoice = event.invoiceId() == null ? null
                : invoicing.find(event.invoiceId()).map(Invoicing.Document::number).orElse(null);
        notifier.send(Notice.of(NotificationKind.PAYMENT_RECEIVED, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("amount", event.amount())
                .fact("fact.order", reference(event.orderId())).fact("fact.amount", event.amount())
                .fact("fact.paidAt", event.paidAt()).fact("fact.paymentReference", event.paymentId())
                .fact("fact.invoice", invoice).attach(invoice == null ? null : event.invoiceId())
                .link(orderLink(event.orderId())).build());
    }

    /**
     * A refund the cancellation mail does not already announce: an admin's, or a payment that came too late. The
     * credit note rides along (a late payment was never invoiced, so it has none).
     */
    @ApplicationModuleListener
    void on(RefundIssued event) {
        if (event.reason() != RefundIssued.Reason.ADMIN && event.reason() != RefundIssued.Reason.LATE_PAYMENT) {
            return;
        }
        String creditNote = event.creditNoteId() == null ? null
                : invoicing.find(event.creditNoteId()).map(Invoicing.Document::number).orElse(null);
        notifier.send(Notice.of(NotificationKind.REFUND_ISSUED, event.eventId(), event.customerId())
                .variant(event.reason() == RefundIssued.Reason.LATE_PAYMENT ? "late" : null)
                .value("order", reference(event.orderId())).value("amount", event.amount())
                .fact("fact.order", reference(event.orderId())).fact("fact.refund", event.amount())
                .fact("fact.creditNote", creditNote).attach(creditNote == null ? null : event.creditNoteId())
                .link(orderLink(event.orderId())).build());
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        String variant = event.refundDue() ? "refund"
                : event.reason() == OrderCancelled.Reason.RESERVATION_EXPIRED ? "expired" : null;
        // The credit note of the refund this cancellation opened (issued in the same transaction), if any.
        Invoicing.Document creditNote = !event.refundDue() ? null : invoicing.documentsOf(event.orderId()).stream()
                .filter(d -> d.type() == Invoicing.Type.CREDIT_NOTE).reduce((first, second) -> second).orElse(null);
        notifier.send(Notice.of(NotificationKind.ORDER_CANCELLED, event.eventId(), event.customerId())
                .variant(variant).value("order", reference(event.orderId())).value("refund", event.refundAmount())
                .fact("fact.order", reference(event.orderId())).fact("fact.refund", event.refundAmount())
                .fact("fact.creditNote", creditNote == null ? null : creditNote.number())
                .attach(creditNote == null ? null : creditNote.id()).link(orderLink(event.orderId())).build());
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

    /**
     * The order is complete (since 0.11.0 only by confirmation: the homeowner's, the automatic one, or an
     * admin's dispute resolution): thanks, with a review request unless the homeowner turned review mails off.
     */
    @ApplicationModuleListener
    void on(JobCompleted event) {
        boolean askForReview = preferences.allows(event.customerId(), NotificationCategory.REVIEWS,
                NotificationChannel.EMAIL);
        notifier.send(Notice.of(NotificationKind.INSTALLATION_COMPLETED, event.eventId(), event.customerId())
                .variant(askForReview ? "review" : null).value("company", event.companyName())
                .value("order", reference(event.orderId())).value("completedAt", event.completedAt())
                .value("confirmation", confirmation(event.confirmedBy()))
                .fact("fact.order", reference(event.orderId())).fact("fact.company", event.companyName())
                .fact("fact.completedAt", event.completedAt()).link(orderLink(event.orderId())).build());
    }

    /** Who completed it, in words; events stored before 0.11.0 carry none and count as the homeowner's. */
    private static Phrase confirmation(Actor confirmedBy) {
        return new Phrase("INSTALLATION_COMPLETED.confirmation." + (confirmedBy == Actor.SYSTEM
                || confirmedBy == Actor.ADMIN ? confirmedBy.name() : Actor.CUSTOMER.name()));
    }

    /** The installer proposed a date (a proposal of the homeowner's own goes to the installer only). */
    @ApplicationModuleListener
    void on(AppointmentProposed event) {
        if (event.proposedBy() == Actor.CUSTOMER) {
            return;
        }
        SiteTime appointment = SiteTime.of(event.start(), event.end(), event.timeZone());
        notifier.send(Notice.of(NotificationKind.APPOINTMENT_PROPOSED, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("appointment", appointment)
                .fact("fact.order", reference(event.orderId())).fact("fact.installer", nameOf(accounts, event.installerId()))
                .fact("fact.appointment", appointment).link(orderLink(event.orderId())).build());
    }

    @ApplicationModuleListener
    void on(AppointmentAgreed event) {
        SiteTime appointment = SiteTime.of(event.start(), event.end(), event.timeZone());
        notifier.send(Notice.of(NotificationKind.APPOINTMENT_AGREED, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("company", event.companyName())
                .value("appointment", appointment)
                .fact("fact.order", reference(event.orderId())).fact("fact.company", event.companyName())
                .fact("fact.installer", nameOf(accounts, event.installerId())).fact("fact.appointment", appointment)
                .link(orderLink(event.orderId())).build());
    }

    /** The installer gave up the agreed date; their reason is their own words (escaped like every value). */
    @ApplicationModuleListener
    void on(RescheduleRequested event) {
        if (event.requestedBy() == Actor.CUSTOMER) {
            return;
        }
        SiteTime previous = SiteTime.at(event.previousStart(), event.timeZone());
        notifier.send(Notice.of(NotificationKind.RESCHEDULE_REQUESTED, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("previous", previous)
                .fact("fact.order", reference(event.orderId())).fact("fact.previousAppointment", previous)
                .fact("fact.reason", blankToNull(event.reason())).link(orderLink(event.orderId())).build());
    }

    @ApplicationModuleListener
    void on(CompletionSubmitted event) {
        notifier.send(Notice.of(NotificationKind.COMPLETION_SUBMITTED, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("company", event.companyName())
                .value("confirmBy", event.confirmBy())
                .fact("fact.order", reference(event.orderId())).fact("fact.company", event.companyName())
                .fact("fact.photos", event.photoCount()).fact("fact.confirmBy", event.confirmBy())
                .link(orderLink(event.orderId())).build());
    }

    @ApplicationModuleListener
    void on(CompletionReminderDue event) {
        notifier.send(Notice.of(NotificationKind.COMPLETION_REMINDER, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("company", event.companyName())
                .value("confirmBy", event.confirmBy())
                .fact("fact.order", reference(event.orderId())).fact("fact.company", event.companyName())
                .fact("fact.confirmBy", event.confirmBy()).link(orderLink(event.orderId())).build());
    }

    /** The outcome picks the words (rework, complete, cancel); the admin's note is shown as written, escaped. */
    @ApplicationModuleListener
    void on(DisputeResolved event) {
        notifier.send(Notice.of(NotificationKind.DISPUTE_RESOLVED, event.eventId(), event.customerId())
                .variant(outcome(event.outcome())).value("order", reference(event.orderId()))
                .fact("fact.order", reference(event.orderId())).fact("fact.note", blankToNull(event.note()))
                .link(orderLink(event.orderId())).build());
    }

    /** The text variant of a dispute's outcome ({@code KIND.rework.intro}); none (generic words) when unknown. */
    static String outcome(DisputeResolved.Outcome outcome) {
        return outcome == null ? null : outcome.name().toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The other party's name, shown once both are bound to the job; none when the account is gone. */
    static String nameOf(Accounts accounts, String userId) {
        return userId == null ? null : accounts.contact(userId).map(Accounts.Contact::fullName).orElse(null);
    }

    @ApplicationModuleListener
    void on(JobUnassigned event) {
        notifier.send(Notice.of(NotificationKind.NO_INSTALLER_FOUND, event.eventId(), event.customerId())
                .value("order", reference(event.orderId())).value("place", event.postalCode() + " " + event.city())
                .link(orderLink(event.orderId())).build());
    }
}
