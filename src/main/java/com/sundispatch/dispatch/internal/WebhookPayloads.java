package com.sundispatch.dispatch.internal;

import java.time.Instant;

import com.sundispatch.dispatch.DisputeResolved;
import com.sundispatch.dispatch.internal.DispatchViews.Window;
import com.sundispatch.places.Point;
import com.sundispatch.shared.Actor;

/**
 * What installers' webhooks receive, one typed record per event type. Every body is a {@link Body}:
 * {@code {"id":"evt_...","type":"offer.created","createdAt":"...","data":{...}}}; {@code id} is the domain
 * event's id, the same in every attempt and in the {@code X-SunDispatch-Event-Id} header, so a receiver that
 * got the event already can recognise a repeat. Before acceptance nothing identifies the customer: offers carry
 * the place to postal-code precision and a point on the ~1 km grid only.
 */
final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /** The envelope. {@code createdAt} is when the event happened, so repeats are byte-for-byte the same body. */
    record Body(String id, String type, Instant createdAt, Data data) {
    }

    sealed interface Data permits OfferCreatedData, OfferExpiredData, OfferTakenData, JobAssignedData,
            JobCancelledData, ReviewReceivedData, AppointmentProposedData, AppointmentAgreedData,
            RescheduleRequestedData, JobCompletedData, JobDisputedData, DisputeResolvedData {
    }

    /**
     * {@code offer.created}: accept it with {@code POST /api/v1/installer/offers/{offerId}/accept}. The distance in
     * whole km and {@code approximateLocation} on the ~1 km grid, as in the offers list; never street or exact
     * point.
     */
    record OfferCreatedData(String offerId, String jobId, String city, String postalCode, String country,
            int distanceKm, Point approximateLocation, Window window, int panelCount, Instant expiresAt)
            implements Data {
    }

    /** {@code offer.expired}: the offer ran out before this installer answered. */
    record OfferExpiredData(String offerId, String jobId, Instant expiredAt) implements Data {
    }

    /** {@code offer.taken}: another installer accepted the job first; this offer was withdrawn. */
    record OfferTakenData(String offerId, String jobId, Instant takenAt) implements Data {
    }

    /** {@code job.assigned}: this installer's accept won; the job's details are at {@code GET /installer/jobs}. */
    record JobAssignedData(String jobId, String offerId, Window window, Instant assignedAt) implements Data {
    }

    /** {@code job.cancelled}: the customer cancelled the order of a job this installer had accepted. */
    record JobCancelledData(String jobId, Instant cancelledAt) implements Data {
    }

    /** {@code review.received}: the customer reviewed this installer's completed job. */
    record ReviewReceivedData(String reviewId, String jobId, int rating, String comment, Instant submittedAt)
            implements Data {
    }

    /**
     * {@code appointment.proposed}: the customer proposed a time (the installer's own proposals are not sent);
     * accept it with {@code POST /api/v1/installer/jobs/{jobId}/appointment/proposals/{proposalId}/accept} or
     * propose another. {@code timeZone} is the installation's (an IANA id).
     */
    record AppointmentProposedData(String jobId, String proposalId, Actor proposedBy, Instant start, Instant end,
            String timeZone, Instant proposedAt) implements Data {
    }

    /** {@code appointment.agreed}: the job is SCHEDULED for this time; {@code agreedBy} accepted the proposal. */
    record AppointmentAgreedData(String jobId, Actor agreedBy, Instant start, Instant end, String timeZone,
            Instant agreedAt) implements Data {
    }

    /**
     * {@code appointment.reschedule}: the appointment at {@code previousStart} is given up (by either
     * party) and the job is ASSIGNED again; {@code reason} is the requesting party's own words.
     */
    record RescheduleRequestedData(String jobId, Actor requestedBy, Instant previousStart, String reason,
            String timeZone, Instant requestedAt) implements Data {
    }

    /**
     * {@code job.completed}: the job is COMPLETED, confirmed by the customer, automatically ({@code SYSTEM}) after
     * the confirmation period, or by an admin resolving a dispute.
     */
    record JobCompletedData(String jobId, Actor confirmedBy, Instant completedAt) implements Data {
    }

    /** {@code job.disputed}: the customer disputed the completion report; admins decide. */
    record JobDisputedData(String jobId, String reason, Instant disputedAt) implements Data {
    }

    /**
     * {@code job.dispute_resolved}: an admin decided: {@code REWORK} (the job is IN_PROGRESS again),
     * {@code COMPLETE} or {@code CANCEL} (the order is cancelled and refunded); {@code note} is theirs.
     */
    record DisputeResolvedData(String jobId, DisputeResolved.Outcome outcome, String note, Instant resolvedAt)
            implements Data {
    }
}
