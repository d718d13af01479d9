package com.sundispatch.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.dispatch.AppointmentAgreed;
import com.sundispatch.dispatch.AppointmentProposed;
import com.sundispatch.dispatch.DisputeResolved;
import com.sundispatch.dispatch.JobAssigned;
import com.sundispatch.dispatch.JobCancelled;
import com.sundispatch.dispatch.JobCompleted;
import com.sundispatch.dispatch.JobDisputed;
import com.sundispatch.dispatch.OfferCreated;
import com.sundispatch.dispatch.OfferExpired;
import com.sundispatch.dispatch.OfferTaken;
import com.sundispatch.dispatch.RescheduleRequested;
import com.sundispatch.dispatch.ReviewSubmitted;
import com.sundispatch.dispatch.internal.DispatchViews.Window;
import com.sundispatch.dispatch.internal.WebhookPayloads.AppointmentAgreedData;
import com.sundispatch.dispatch.internal.WebhookPayloads.AppointmentProposedData;
import com.sundispatch.dispatch.internal.WebhookPayloads.Body;
import com.sundispatch.dispatch.internal.WebhookPayloads.Data;
import com.sundispatch.dispatch.internal.WebhookPayloads.DisputeResolvedData;
import com.sundispatch.dispatch.internal.WebhookPayloads.JobAssignedData;
import com.sundispatch.dispatch.internal.WebhookPayloads.JobCancelledData;
import com.sundispatch.dispatch.internal.WebhookPayloads.JobCompletedData;
import com.sundispatch.dispatch.internal.WebhookPayloads.JobDisputedData;
import com.sundispatch.dispatch.internal.WebhookPayloads.OfferCreatedData;
import com.sundispatch.dispatch.internal.WebhookPayloads.OfferExpiredData;
import com.sundispatch.dispatch.internal.WebhookPayloads.OfferTakenData;
import com.sundispatch.dispatch.internal.WebhookPayloads.RescheduleRequestedData;
import com.sundispatch.dispatch.internal.WebhookPayloads.ReviewReceivedData;
import com.sundispatch.security.DataCipher;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.UnsafeUrlException;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.WebhookSignature;

import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the installer-facing domain events to the installer's webhook, durably: each listener is an entry
 * in the event publication registry, written in the transaction that caused the event, so a delivery owed when
 * the application stops is made after it starts again. A failed attempt (not 2xx, or no answer) throws, which
 * leaves the publication FAILED for the redelivery job to try again with backoff; after {@link #MAX_ATTEMPTS}
 * attempts of one event the last is recorded as GAVE_UP and the event is dropped. A refused (unsafe) URL is
 * final at once. Every attempt is recorded for the installer to see.
 *
 * <p>Each delivery runs in one transaction of its own (one pooled connection per delivering thread, never a
 * second one) that commits the attempt's record even when the listener then throws to mark the publication
 * FAILED ({@code noRollbackFor}).
 */
@Component
class InstallerWebhookEvents {

    /** Attempts per event before giving up (the first and seven redeliveries, about an hour with defaults). */
    static final int MAX_ATTEMPTS = 8;

    private static final Logger log = LoggerFactory.getLogger(InstallerWebhookEvents.class);

    private final InstallerWebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final JobOfferRepository offers;
    private final OutboundHttp http;
    private final DataCipher cipher;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    InstallerWebhookEvents(InstallerWebhookRepository webhooks, WebhookDeliveryRepository deliveries,
            JobOfferRepository offers, OutboundHttp http, DataCipher cipher, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.offers = offers;
        this.http = http;
        this.cipher = cipher;
        this.clock = clock;
    }

    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(OfferCreated e) {
        // The event has no time of its own; the offer's row has, and it never changes (stable across retries).
        Instant createdAt = offers.findById(e.offerId()).map(JobOffer::createdAt).orElse(e.expiresAt());
        deliver(e.installerId(), e.eventId(), "offer.created", createdAt, new OfferCreatedData(e.offerId(),
                e.jobId(), e.city(), e.postalCode(), e.country(), e.distanceKm(), e.approximateLocation(),
                new Window(e.windowStart(), e.windowEnd()), e.panelCount(), e.expiresAt()));
    }

    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(OfferExpired e) {
        deliver(e.installerId(), e.eventId(), "offer.expired", e.expiredAt(),
                new OfferExpiredData(e.offerId(), e.jobId(), e.expiredAt()));
    }

    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(OfferTaken e) {
        deliver(e.installerId(), e.eventId(), "offer.taken", e.takenAt(),
                new OfferTakenData(e.offerId(), e.jobId(), e.takenAt()));
    }

    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(JobAssigned e) {
        List<JobOffer> accepted = offers.acceptedBy(e.jobId(), e.installerId());
        String offerId = accepted.isEmpty() ? null : accepted.get(0).id();
        deliver(e.installerId(), e.eventId(), "job.assigned", e.assignedAt(), new JobAssignedData(e.jobId(), offerId,
                new Window(e.windowStart(), e.windowEnd()), e.assignedAt()));
    }

    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(JobCancelled e) {
        deliver(e.installerId(), e.eventId(), "job.cancelled", e.cancelledAt(),
                new JobCancelledData(e.jobId(), e.cancelledAt()));
    }

    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(ReviewSubmitted e) {
        deliver(e.installerId(), e.eventId(), "review.received", e.submittedAt(),
                new ReviewReceivedData(e.reviewId(), e.jobId(), e.rating(), e.comment(), e.submittedAt()));
    }

    /** Only the customer's proposals: the installer knows their own. */
    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(AppointmentProposed e) {
        if (e.proposedBy() == Actor.INSTALLER) {
            return;
        }
        deliver(e.installerId(), e.eventId(), "appointment.proposed", e.proposedAt(), new AppointmentProposedData(
                e.jobId(), e.proposalId(), e.proposedBy(), e.start(), e.end(), e.timeZone(), e.proposedAt()));
    }

    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(AppointmentAgreed e) {
        deliver(e.installerId(), e.eventId(), "appointment.agreed", e.agreedAt(), new AppointmentAgreedData(e.jobId(),
                e.agreedBy(), e.start(), e.end(), e.timeZone(), e.agreedAt()));
    }

    /**
     * Whoever asked: a calendar synced from these events must drop the appointment either way. The type is
     * {@code appointment.reschedule}, not {@code ..._requested}: a delivery's type is stored in 30 characters.
     */
    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(RescheduleRequested e) {
        deliver(e.installerId(), e.eventId(), "appointment.reschedule", e.requestedAt(),
                new RescheduleRequestedData(e.jobId(), e.requestedBy(), e.previousStart(), e.reason(), e.timeZone(),
                        e.requestedAt()));
    }

    /** Events stored before 0.11.0 carry no {@code confirmedBy}: they count as the customer's. */
    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(JobCompleted e) {
        deliver(e.installerId(), e.eventId(), "job.completed", e.completedAt(), new JobCompletedData(e.jobId(),
                e.confirmedBy() == null ? Actor.CUSTOMER : e.confirmedBy(), e.completedAt()));
    }

    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(JobDisputed e) {
        deliver(e.installerId(), e.eventId(), "job.disputed", e.disputedAt(),
                new JobDisputedData(e.jobId(), e.reason(), e.disputedAt()));
    }

    @ApplicationModuleListener
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DeliveryFailed.class)
    void on(DisputeResolved e) {
        deliver(e.installerId(), e.eventId(), "job.dispute_resolved", e.resolvedAt(),
                new DisputeResolvedData(e.jobId(), e.outcome(), e.note(), e.resolvedAt()));
    }

    private void deliver(String installerId, String eventId, String type, Instant createdAt, Data data) {
        InstallerWebhook hook = webhooks.findById(installerId).orElse(null);
        if (hook == null) {
            return;
        }
        long previous = deliveries.countByEventId(eventId);
        if (previous >= MAX_ATTEMPTS) {
            // Given up already (the stop came between the record and the registry's completion mark).
            return;
        }
        int attempt = (int) previous + 1;
        byte[] body = json.writeValueAsBytes(new Body(eventId, type, createdAt, data));
        String outcome;
        Integer status = null;
        String error = null;
        try {
            byte[] secret = cipher.decrypt(hook.secretEncrypted(), WebhookService.context(installerId));
            String signature = WebhookSignature.header(secret, clock.instant().getEpochSecond(), body);
            OutboundHttp.Response response = http.postJson(hook.url(), body, Map.of("X-Signature", signature,
                    "X-SunDispatch-Event", type, "X-SunDispatch-Event-Id", eventId));
            status = response.status();
            outcome = status >= 200 && status < 300 ? WebhookDelivery.SUCCEEDED : WebhookDelivery.FAILED;
            if (!WebhookDelivery.SUCCEEDED.equals(outcome)) {
                error = "HTTP " + status;
            }
        } catch (UnsafeUrlException e) {
            // Shown to the installer: the same word for every rule, so deliveries are no DNS oracle either.
            outcome = WebhookDelivery.REFUSED;
            error = "unsafe_url";
            log.info("Webhook delivery to installer {} refused: rule {} ({})", installerId, e.rule(), e.reason());
        } catch (OutboundHttp.Failure e) {
            outcome = WebhookDelivery.FAILED;
            error = e.getMessage();
        } catch (RuntimeException e) {
            outcome = WebhookDelivery.FAILED;
            error = e.getClass().getSimpleName();
        }
        if (WebhookDelivery.FAILED.equals(outcome) && attempt >= MAX_ATTEMPTS) {
            outcome = WebhookDelivery.GAVE_UP;
            log.warn("Webhook event {} ({}) for installer {} given up after {} attempts", eventId, type, installerId,
                    attempt);
        }
        deliveries.save(new WebhookDelivery(UUID.randomUUID().toString(), installerId, eventId, type, attempt,
                outcome, status, error, clock.instant()));
        if (WebhookDelivery.FAILED.equals(outcome)) {
            throw new DeliveryFailed(eventId, type, attempt, error);
        }
    }

    /** Leaves the publication FAILED in the registry, so the redelivery job tries it again later. */
    static final class DeliveryFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DeliveryFailed(String eventId, String type, int attempt, String error) {
            super("Webhook event " + eventId + " (" + type + ") attempt " + attempt + " failed: " + error, null,
                    false, false);
        }
    }
}
