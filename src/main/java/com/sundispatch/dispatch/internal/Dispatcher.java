package com.sundispatch.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.dispatch.JobAssigned;
import com.sundispatch.dispatch.JobCancelled;
import com.sundispatch.dispatch.JobStatus;
import com.sundispatch.dispatch.JobUnassigned;
import com.sundispatch.dispatch.OfferCreated;
import com.sundispatch.dispatch.OfferExpired;
import com.sundispatch.dispatch.OfferTaken;
import com.sundispatch.identity.AccountBanned;
import com.sundispatch.identity.Accounts;
import com.sundispatch.identity.AccountUnbanned;
import com.sundispatch.orders.OrderCancelled;
import com.sundispatch.orders.OrderPaid;
import com.sundispatch.orders.OrderProgress;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;

/**
 * Uber-style dispatch. A paid order becomes a job offered to the K nearest suitable installers; the first
 * accept wins; when a round ends without one, the radius doubles; after the widest round the job is
 * UNASSIGNED. Every step that several requests or instances could race on is a conditional update.
 */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int IN_CHUNK = 1000;

    private final JobRepository jobs;
    private final JobOfferRepository offers;
    private final InstallerProfileRepository profiles;
    private final AvailabilitySlotRepository slots;
    private final BookingRepository bookings;
    private final OrderProgress orderProgress;
    private final AppointmentProposalRepository proposals;
    private final DispatchProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecurityEvents audit;
    private final Accounts accounts;

    Dispatcher(JobRepository jobs, JobOfferRepository offers, InstallerProfileRepository profiles,
            AvailabilitySlotRepository slots, BookingRepository bookings, OrderProgress orderProgress,
            DispatchProperties properties, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            SecurityEvents audit, Accounts accounts, AppointmentProposalRepository proposals) {
        this.proposals = proposals;
        this.audit = audit;
        this.accounts = accounts;
        this.jobs = jobs;
        this.offers = offers;
        this.profiles = profiles;
        this.slots = slots;
        this.bookings = bookings;
        this.orderProgress = orderProgress;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Runs inside the payment's transaction: the job exists exactly when the payment is recorded. */
    @EventListener
    void on(OrderPaid paid) {
        if (jobs.findByOrderId(paid.orderId()).isPresent()) {
            return;
        }
        Job job = jobs.saveAndFlush(new Job(UUID.randomUUID().toString(), paid, clock.instant()));
        dispatchFrom(job, 0);
    }

    /**
     * Runs inside the cancelling transaction: open offers and proposals are withdrawn and the installer's time is
     * freed. A job an admin already cancelled (the order follows it) is left alone; a job that moved meanwhile
     * fails the cancellation, so the order and its job never disagree.
     */
    @EventListener
    void on(OrderCancelled cancelled) {
        jobs.findByOrderId(cancelled.orderId()).ifPresent(job -> {
            if (job.status() == JobStatus.CANCELLED) {
                return;
            }
            Actor by = cancelled.reason() == OrderCancelled.Reason.ADMIN ? Actor.ADMIN : Actor.CUSTOMER;
            if (jobs.move(job.id(), job.cancel(by)) != 1) {
                throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
            }
            offers.closeOpen(job.id(), JobOffer.Status.WITHDRAWN);
            proposals.closeAllOpen(job.id(), AppointmentProposal.Status.OPEN, AppointmentProposal.Status.WITHDRAWN,
                    clock.instant());
            bookings.release(job.id());
            if (job.installerId() != null) {
                events.publishEvent(new JobCancelled(EventIds.next(), job.id(), job.orderId(), job.installerId(),
                        clock.instant()));
            }
            log.info("Job {} cancelled with its order", job.id());
        });
    }

    /**
     * Runs inside the banning transaction (identity owns bans; dispatch keeps its own copy on the profile, which
     * the candidate search filters on): the installer gets no new offers and loses the open ones and the jobs not
     * yet started.
     */
    @EventListener
    void on(AccountBanned banned) {
        if (profiles.mirrorBan(banned.userId(), banned.until()) == 1) {
            suspend(banned.userId());
        }
    }

    /** Lifting a ban restores offers only if the approval was not revoked meanwhile (revocation stays). */
    @EventListener
    void on(AccountUnbanned unbanned) {
        profiles.mirrorBan(unbanned.userId(), null);
    }

    /**
     * A banned or revoked installer's open offers are withdrawn (their rounds move on without them) and their
     * assigned, not yet started jobs go back to dispatch as a new attempt. Runs inside the caller's transaction.
     */
    public void suspend(String installerId) {
        for (JobOffer offer : offers.findAllOpenOf(installerId)) {
            if (offers.move(offer.id(), JobOffer.Status.OPEN, JobOffer.Status.WITHDRAWN) == 1) {
                roundMayHaveEnded(offer.jobId());
            }
        }
        for (Job job : jobs.findByInstallerIdAndStatusIn(installerId,
                EnumSet.of(JobStatus.ASSIGNED, JobStatus.SCHEDULED), PageRequest.of(0, 1000)).getContent()) {
            if (jobs.unassign(job.id(), job.status().to(JobStatus.DISPATCHING, Actor.SYSTEM), installerId) == 1) {
                bookings.release(job.id());
                proposals.closeAllOpen(job.id(), AppointmentProposal.Status.OPEN,
                        AppointmentProposal.Status.WITHDRAWN, clock.instant());
                if (!orderProgress.installerWithdrawn(job.orderId())) {
                    // A held job's order is always SCHEDULED (both move in one transaction): refuse to part them.
                    throw ApiException.conflict("invalid_state", "The order of job " + job.id()
                            + " changed meanwhile; try again.");
                }
                log.info("Job {} back to dispatch: its installer was suspended", job.id());
                Job again = jobs.findById(job.id()).orElseThrow();
                dispatchFrom(again, 0);
            }
        }
    }

    /** Offers the job in {@code round} (the job row already says so), skipping to wider rounds while empty. */
    private void dispatchFrom(Job job, int round) {
        int last = CandidateRanking.lastRound(properties.initialRadiusKm(), properties.maxRadiusKm());
        int current = round;
        while (true) {
            double radius = CandidateRanking.radiusFor(current, properties.initialRadiusKm(), properties.maxRadiusKm());
            Set<String> asked = new HashSet<>(offers.askedInAttempt(job.id(), job.attempt()));
            asked.add(job.customerId());
            List<CandidateRanking.Ranked> chosen = candidates(job, radius, asked, properties.offersPerRound());
            if (!chosen.isEmpty()) {
                Instant now = clock.instant();
                for (CandidateRanking.Ranked r : chosen) {
                    JobOffer offer = offers.save(new JobOffer(UUID.randomUUID().toString(), job.id(), r.installerId(),
                            job.attempt(), current, r.shownDistanceKm(), now, now.plus(properties.offerTtl())));
                    // What the installer sees before accepting, the same as in their offers list: postal area,
                    // whole km, a point on the ~1 km grid; the customer's name, street and exact point stay hidden.
                    DispatchViews.OfferView seen = DispatchViews.OfferView.of(offer, job);
                    events.publishEvent(new OfferCreated(EventIds.next(), offer.id(), job.id(), r.installerId(),
                            job.city(), job.postalCode(), job.country(), seen.distanceKm(),
                            seen.approximateLocation(), job.windowStart(), job.windowEnd(), job.panelCount(),
                            offer.expiresAt()));
                }
                log.info("Job {} offered to {} installer(s) within {} km (round {})", job.id(), chosen.size(), radius,
                        current);
                return;
            }
            if (current >= last) {
                giveUp(job);
                return;
            }
            if (jobs.claimNextRound(job.id(), JobStatus.DISPATCHING, job.attempt(), current) != 1) {
                return;
            }
            current++;
        }
    }

    private void giveUp(Job job) {
        if (jobs.move(job.id(), JobStatus.DISPATCHING.to(JobStatus.UNASSIGNED, Actor.SYSTEM)) == 1) {
            log.warn("ALERT job {} of order {} is UNASSIGNED: no installer accepted within {} km", job.id(),
                    job.orderId(), properties.maxRadiusKm());
            events.publishEvent(new JobUnassigned(EventIds.next(), job.id(), job.orderId(), job.customerId(),
                    job.city(), job.postalCode(), clock.instant()));
            audit.publish("JOB_UNASSIGNED", null, SecurityEvent.Outcome.INFO,
                    Map.of("jobId", job.id(), "orderId", job.orderId()));
        }
    }

    /** The nearest suitable installers: bounding box on indexed columns, then exact distance and rules. */
    List<CandidateRanking.Ranked> candidates(Job job, double radiusKm, Set<String> excluded, int k) {
        Geo.Box box = Geo.boundingBox(job.latitude(), job.longitude(), radiusKm);
        List<InstallerProfile> inBox = profiles.inBox(box.minLat(), box.maxLat(), box.minLon(), box.maxLon(),
                clock.instant());
        if (inBox.isEmpty()) {
            return List.of();
        }
        List<CandidateRanking.Candidate> near = inBox.stream()
                .filter(p -> !excluded.contains(p.userId()))
                .filter(p -> Geo.distanceKm(job.latitude(), job.longitude(), p.baseLatitude(), p.baseLongitude())
                        <= Math.min(radiusKm, p.serviceRadiusKm()))
                .map(p -> new CandidateRanking.Candidate(p.userId(), p.baseLatitude(), p.baseLongitude(),
                        p.serviceRadiusKm(), p.rating()))
                .toList();
        List<String> ids = near.stream().map(CandidateRanking.Candidate::installerId).toList();
        Set<String> free = new HashSet<>();
        Set<String> busy = new HashSet<>();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
            free.addAll(slots.coveringWindow(chunk, job.windowStart(), job.windowEnd()));
            busy.addAll(bookings.busy(chunk, job.windowStart(), job.windowEnd()));
        }
        List<CandidateRanking.Candidate> suitable = near.stream()
                .filter(c -> free.contains(c.installerId()) && !busy.contains(c.installerId())).toList();
        return CandidateRanking.rank(suitable, job.latitude(), job.longitude(), radiusKm, excluded, k);
    }

    /** After an offer closed without acceptance: when none of the round is open any more, go wider. */
    private void roundMayHaveEnded(String jobId) {
        Job job = jobs.findById(jobId).orElse(null);
        if (job == null || job.status() != JobStatus.DISPATCHING || offers.countOpen(jobId) > 0) {
            return;
        }
        int last = CandidateRanking.lastRound(properties.initialRadiusKm(), properties.maxRadiusKm());
        if (job.round() >= last) {
            giveUp(job);
            return;
        }
        if (jobs.claimNextRound(jobId, JobStatus.DISPATCHING, job.attempt(), job.round()) == 1) {
            dispatchFrom(jobs.findById(jobId).orElseThrow(), job.round() + 1);
        }
    }

    /** Expired offers, claimed one by one, so two instances never act on the same one. */
    public int expireOffers() {
        List<JobOffer> due = offers.findExpired(clock.instant(), PageRequest.of(0, 200));
        int expired = 0;
        for (JobOffer offer : due) {
            Boolean done = tx.execute(s -> {
                if (offers.move(offer.id(), JobOffer.Status.OPEN, JobOffer.Status.EXPIRED) != 1) {
                    return false;
                }
                events.publishEvent(new OfferExpired(EventIds.next(), offer.id(), offer.jobId(),
                        offer.installerId(), clock.instant()));
                roundMayHaveEnded(offer.jobId());
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                expired++;
            }
        }
        return expired;
    }

    @Transactional
    public void decline(String installerId, String offerId) {
        JobOffer offer = offers.findOwned(offerId, installerId)
                .orElseThrow(() -> ApiException.notFound("No such offer."));
        if (offers.move(offerId, JobOffer.Status.OPEN, JobOffer.Status.DECLINED) != 1) {
            throw ApiException.conflict("offer_closed", "This offer is no longer open.");
        }
        roundMayHaveEnded(offer.jobId());
    }

    private enum AcceptOutcome {
        WON, TAKEN, EXPIRED, CONFLICT, NOT_ELIGIBLE, WITHDRAWN
    }

    /**
     * The first accept wins. The installer's row is locked first, so the same installer cannot book two
     * overlapping jobs through two concurrent accepts; the job moves only from DISPATCHING, so two installers
     * cannot both get it.
     */
    public DispatchViews.InstallerJobView accept(String installerId, String offerId,
            Function<Job, DispatchViews.InstallerJobView> view) {
        Object[] result = tx.execute(s -> {
            // First statement of the transaction: under MariaDB's REPEATABLE READ the reads below then see
            // everything committed before the lock was granted (the read view starts after it).
            if (profiles.lockForBooking(installerId) != 1) {
                throw ApiException.notFound("No such offer.");
            }
            JobOffer offer = offers.findOwned(offerId, installerId)
                    .orElseThrow(() -> ApiException.notFound("No such offer."));
            Job job = jobs.findById(offer.jobId()).orElseThrow();
            Instant now = clock.instant();
            // Read after the row lock: a ban or revocation committed before it is seen here.
            if (!profiles.findById(installerId).map(p -> p.eligible(now)).orElse(false)) {
                return new Object[] { AcceptOutcome.NOT_ELIGIBLE, null };
            }
            if (offer.status() == JobOffer.Status.WITHDRAWN) {
                return new Object[] { AcceptOutcome.WITHDRAWN, null };
            }
            if (offer.status() != JobOffer.Status.OPEN || job.status() != JobStatus.DISPATCHING) {
                return new Object[] { offer.status() == JobOffer.Status.EXPIRED ? AcceptOutcome.EXPIRED
                        : AcceptOutcome.TAKEN, null };
            }
            if (!now.isBefore(offer.expiresAt())) {
                return new Object[] { AcceptOutcome.EXPIRED, null };
            }
            if (bookings.overlaps(installerId, job.windowStart(), job.windowEnd())) {
                return new Object[] { AcceptOutcome.CONFLICT, null };
            }
            if (jobs.assign(job.id(), JobStatus.DISPATCHING.to(JobStatus.ASSIGNED, Actor.INSTALLER), installerId,
                    now) != 1) {
                offers.move(offerId, JobOffer.Status.OPEN, JobOffer.Status.TAKEN);
                return new Object[] { AcceptOutcome.TAKEN, null };
            }
            offers.move(offerId, JobOffer.Status.OPEN, JobOffer.Status.ACCEPTED);
            // One by one rather than in bulk, so exactly the installers whose offer this closed hear of it.
            for (JobOffer other : offers.findAllOpenForJob(job.id())) {
                if (offers.move(other.id(), JobOffer.Status.OPEN, JobOffer.Status.TAKEN) == 1) {
                    events.publishEvent(new OfferTaken(EventIds.next(), other.id(), job.id(), other.installerId(),
                            now));
                }
            }
            bookings.save(new Booking(job.id(), installerId, job.windowStart(), job.windowEnd()));
            if (!orderProgress.installerAssigned(job.orderId(), installerId)) {
                throw ApiException.conflict("offer_taken", "The order is no longer awaiting an installer.");
            }
            log.info("Job {} assigned to installer {}", job.id(), installerId);
            InstallerProfile profile = profiles.findById(installerId).orElseThrow();
            String installerName = accounts.find(installerId).map(Accounts.AccountSummary::fullName).orElse(null);
            events.publishEvent(new JobAssigned(EventIds.next(), job.id(), job.orderId(), job.customerId(),
                    installerId, profile.companyName(), installerName,
                    profile.ratingCount() == 0 ? null : profile.rating(), profile.ratingCount(), job.windowStart(),
                    job.windowEnd(), now));
            return new Object[] { AcceptOutcome.WON, view.apply(jobs.findById(job.id()).orElseThrow()) };
        });
        return switch ((AcceptOutcome) result[0]) {
            case WON -> (DispatchViews.InstallerJobView) result[1];
            case TAKEN -> throw ApiException.conflict("offer_taken", "Another installer took this job first.");
            case EXPIRED -> throw ApiException.conflict("offer_expired", "This offer has expired.");
            case CONFLICT -> throw ApiException.conflict("schedule_conflict",
                    "You already have a job in this time window.");
            case WITHDRAWN -> throw ApiException.conflict("offer_withdrawn", "This offer was withdrawn.");
            case NOT_ELIGIBLE -> throw ApiException.forbidden("installer_not_eligible",
                    "Your installer account is suspended and cannot take jobs.");
        };
    }


    /** An admin sends an unassigned job out again, from the first round, asking everyone anew. */
    @Transactional
    public DispatchViews.AdminJobView redispatch(String jobId) {
        Job unassigned = jobs.findById(jobId).orElseThrow(() -> ApiException.notFound("No such job."));
        if (unassigned.status() != JobStatus.UNASSIGNED
                || jobs.restart(jobId, JobStatus.UNASSIGNED.to(JobStatus.DISPATCHING, Actor.ADMIN)) != 1) {
            throw ApiException.conflict("invalid_state", "Only an UNASSIGNED job can be dispatched again.");
        }
        Job job = jobs.findById(jobId).orElseThrow();
        dispatchFrom(job, 0);
        return DispatchViews.AdminJobView.of(jobs.findById(jobId).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<DispatchViews.OfferView> openOffers(String installerId) {
        List<JobOffer> open = offers.findOpenFor(installerId, clock.instant());
        Map<String, Job> byId = jobs.findAllById(open.stream().map(JobOffer::jobId).toList()).stream()
                .collect(Collectors.toMap(Job::id, j -> j));
        List<DispatchViews.OfferView> views = new ArrayList<>();
        for (JobOffer o : open) {
            Job j = byId.get(o.jobId());
            if (j != null && j.status() == JobStatus.DISPATCHING) {
                views.add(DispatchViews.OfferView.of(o, j));
            }
        }
        return views;
    }
}
