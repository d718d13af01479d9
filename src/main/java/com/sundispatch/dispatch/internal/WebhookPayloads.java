package com.sundispatch.dispatch.internal;

import java.time.Instant;

import com.sundispatch.dispatch.internal.DispatchViews.Window;
import com.sundispatch.places.Point;

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
            JobCancelledData, ReviewReceivedData {
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
}
