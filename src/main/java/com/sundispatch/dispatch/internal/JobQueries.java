package com.sundispatch.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.dispatch.JobStatus;
import com.sundispatch.dispatch.ReviewSubmitted;
import com.sundispatch.dispatch.internal.DispatchViews.AdminJobView;
import com.sundispatch.dispatch.internal.DispatchViews.InstallationView;
import com.sundispatch.dispatch.internal.DispatchViews.InstallerJobView;
import com.sundispatch.identity.Accounts;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;

/** Reading jobs, each party through a query that includes its own id. */
@Service
public class JobQueries {

    static final int MAP_JOBS = 500;
    static final int MAP_INSTALLERS = 2000;

    private final JobRepository jobs;
    private final InstallerProfileRepository profiles;
    private final ReviewRepository reviews;
    private final Accounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JobDetails details;

    JobQueries(JobRepository jobs, InstallerProfileRepository profiles, ReviewRepository reviews, Accounts accounts,
            Clock clock, ApplicationEventPublisher events, JobDetails details) {
        this.details = details;
        this.events = events;
        this.jobs = jobs;
        this.profiles = profiles;
        this.reviews = reviews;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The customer's installation: status, and once assigned, who installs it and when. */
    @Transactional(readOnly = true)
    public InstallationView forCustomer(String customerId, String orderId) {
        return customerView(jobs.findOwnedByOrder(orderId, customerId)
                .orElseThrow(() -> ApiException.notFound("No installation for this order (yet).")));
    }

    @Transactional(readOnly = true)
    public InstallationView forCustomerByJob(String customerId, String jobId) {
        return customerView(jobs.findOwned(jobId, customerId)
                .orElseThrow(() -> ApiException.notFound("No such job.")));
    }

    private InstallationView customerView(Job job) {
        Review review = reviews.findById(job.id()).orElse(null);
        DispatchViews.InstallerSummary installer = null;
        if (job.installerId() != null) {
            InstallerProfile p = profiles.findById(job.installerId()).orElse(null);
            String name = accounts.find(job.installerId()).map(Accounts.AccountSummary::fullName).orElse(null);
            installer = p == null ? null
                    : new DispatchViews.InstallerSummary(p.userId(), name, p.companyName(), p.rating(), p.phone());
        }
        return new InstallationView(job.id(), job.status(), installer, job.scheduledStart(), job.scheduledEnd(),
                new DispatchViews.Window(job.windowStart(), job.windowEnd()), details.appointment(job),
                details.scheduling(job), details.current(job), details.dispute(job),
                job.status() == JobStatus.AWAITING_CONFIRMATION ? job.confirmBy() : null, job.remindedAt(),
                review != null, review == null ? null
                        : new DispatchViews.OwnReview(review.rating(), review.comment(), review.createdAt()));
    }

    /** A job as its assigned installer sees it: now with the customer's name, phone and address. */
    @Transactional(readOnly = true)
    public InstallerJobView forInstaller(Job job) {
        Accounts.AccountSummary customer = accounts.find(job.customerId()).orElse(null);
        return new InstallerJobView(job.id(), job.status(),
                new DispatchViews.Window(job.windowStart(), job.windowEnd()), job.panelCount(),
                new DispatchViews.Customer(customer == null ? null : customer.fullName(),
                        customer == null ? null : customer.phone()),
                new DispatchViews.Address(job.addressLine(), job.city(), job.postalCode(), job.country(),
                        job.latitude(), job.longitude()),
                DispatchViews.MapLinks.of(job.latitude(), job.longitude()), details.appointment(job),
                details.scheduling(job), details.drafts(job), details.current(job), details.dispute(job),
                details.canStart(job, clock.instant()),
                job.status() == JobStatus.AWAITING_CONFIRMATION ? job.confirmBy() : null);
    }

    @Transactional(readOnly = true)
    public InstallerJobView installerJob(String installerId, String jobId) {
        // A cancelled job is no longer the installer's business: its customer's contact details stay hidden.
        return forInstaller(jobs.findAssigned(jobId, installerId).filter(j -> j.status() != JobStatus.CANCELLED)
                .orElseThrow(() -> ApiException.notFound("No such job.")));
    }

    @Transactional(readOnly = true)
    public DispatchViews.AdminJobDetail adminJob(String jobId) {
        Job job = jobs.findById(jobId).orElseThrow(() -> ApiException.notFound("No such job."));
        return new DispatchViews.AdminJobDetail(AdminJobView.of(job), job.customerId(),
                new DispatchViews.Window(job.windowStart(), job.windowEnd()), details.appointment(job),
                details.scheduling(job), details.all(job), details.dispute(job),
                job.status() == JobStatus.CANCELLED && job.disputedAt() == null ? job.resolutionNote() : null);
    }

    @Transactional(readOnly = true)
    public Page<InstallerJobView> installerJobs(String installerId, Pageable pageable) {
        return jobs.findByInstallerIdAndStatusIn(installerId,
                EnumSet.of(JobStatus.ASSIGNED, JobStatus.SCHEDULED, JobStatus.IN_PROGRESS,
                        JobStatus.AWAITING_CONFIRMATION, JobStatus.DISPUTED, JobStatus.COMPLETED), pageable)
                .map(this::forInstaller);
    }

    /** The job of an order (an admin following the order's story). */
    @Transactional(readOnly = true)
    public Page<AdminJobView> ofOrder(String orderId, Pageable pageable) {
        return jobs.findByOrderId(orderId, pageable).map(AdminJobView::of);
    }

    @Transactional(readOnly = true)
    public Page<AdminJobView> byStatus(JobStatus status, Pageable pageable) {
        return (status == null ? jobs.findAll(pageable) : jobs.findByStatus(status, pageable)).map(AdminJobView::of);
    }

    /**
     * The admins' map: jobs not yet assigned (dispatching, with or waiting for offers, or unassigned), newest
     * first, at most {@link #MAP_JOBS}; and the service areas of approved, not revoked installers (active or
     * banned), most recently approved first, at most {@link #MAP_INSTALLERS}. The answer says when either list
     * was cut.
     */
    @Transactional(readOnly = true)
    public DispatchViews.AdminMap adminMap() {
        Slice<Job> open = jobs.findByStatusIn(EnumSet.of(JobStatus.DISPATCHING, JobStatus.UNASSIGNED),
                PageRequest.of(0, MAP_JOBS, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"))));
        Slice<InstallerProfile> areas = profiles.byRevoked(false, PageRequest.of(0, MAP_INSTALLERS,
                Sort.by(Sort.Direction.DESC, "approvedAt").and(Sort.by("userId"))));
        Instant now = clock.instant();
        return new DispatchViews.AdminMap(open.map(DispatchViews.MapJob::of).getContent(),
                areas.map(p -> DispatchViews.MapInstaller.of(p, now)).getContent(), MAP_JOBS, open.hasNext(),
                MAP_INSTALLERS, areas.hasNext());
    }

    /** One review per completed job, by its customer only; the installer's rating moves atomically. */
    @Transactional
    public DispatchViews.ReviewView review(String customerId, String jobId, int rating, String comment) {
        Job job = jobs.findOwned(jobId, customerId).orElseThrow(() -> ApiException.notFound("No such job."));
        if (job.status() != JobStatus.COMPLETED) {
            throw ApiException.conflict("invalid_state", "A job can be reviewed once it is completed.");
        }
        if (reviews.existsById(jobId)) {
            throw ApiException.conflict("already_reviewed", "This installation has been reviewed already.");
        }
        Review review = reviews.saveAndFlush(new Review(jobId, customerId, job.installerId(), rating,
                comment == null ? null : comment.trim(), clock.instant()));
        profiles.addRating(job.installerId(), rating);
        // A review is one per job, so the job's id is the review's id.
        events.publishEvent(new ReviewSubmitted(EventIds.next(), jobId, jobId, job.installerId(), customerId,
                review.rating(), review.comment(), review.createdAt()));
        return new DispatchViews.ReviewView(jobId, review.rating(), review.comment(), review.createdAt());
    }
}
