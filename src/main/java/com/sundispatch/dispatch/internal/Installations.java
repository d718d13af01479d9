package com.sundispatch.dispatch.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.dispatch.AppointmentAgreed;
import com.sundispatch.dispatch.AppointmentProposed;
import com.sundispatch.dispatch.CompletionReminderDue;
import com.sundispatch.dispatch.CompletionSubmitted;
import com.sundispatch.dispatch.DisputeResolved;
import com.sundispatch.dispatch.JobCancelled;
import com.sundispatch.dispatch.JobCompleted;
import com.sundispatch.dispatch.JobDisputed;
import com.sundispatch.dispatch.JobStarted;
import com.sundispatch.dispatch.JobStatus;
import com.sundispatch.dispatch.RescheduleRequested;
import com.sundispatch.files.BlobStore;
import com.sundispatch.files.Images;
import com.sundispatch.orders.OrderProgress;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;

/**
 * The installation after an installer accepted: agreeing the appointment, starting on its day, the completion
 * report with photos, the customer's confirmation or dispute, the admins' resolution, and the timers (reminder,
 * automatic confirmation, the alert for an appointment nobody started). Every status change is a move of
 * {@link JobStatus}'s machine written with a conditional update, and the order follows through
 * {@link OrderProgress} in the same transaction.
 */
@Service
public class Installations {

    private static final Logger log = LoggerFactory.getLogger(Installations.class);
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{2,39}");
    private static final int TIMER_BATCH = 200;

    private final JobRepository jobs;
    private final AppointmentProposalRepository proposals;
    private final CompletionReportRepository reports;
    private final JobPhotoRepository photos;
    private final InstallerProfileRepository profiles;
    private final BookingRepository bookings;
    private final OrderProgress orderProgress;
    private final BlobStore blobs;
    private final Images images;
    private final InstallationProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecurityEvents audit;

    Installations(JobRepository jobs, AppointmentProposalRepository proposals, CompletionReportRepository reports,
            JobPhotoRepository photos, InstallerProfileRepository profiles, BookingRepository bookings,
            OrderProgress orderProgress, BlobStore blobs, Images images, InstallationProperties properties,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, SecurityEvents audit) {
        this.jobs = jobs;
        this.proposals = proposals;
        this.reports = reports;
        this.photos = photos;
        this.profiles = profiles;
        this.bookings = bookings;
        this.orderProgress = orderProgress;
        this.blobs = blobs;
        this.images = images;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
    }

    /** The job as the given party may reach it: the customer's own, the installer's assigned one; else 404. */
    Job reach(Actor party, String userId, String jobId) {
        return (party == Actor.INSTALLER ? jobs.findAssigned(jobId, userId) : jobs.findOwned(jobId, userId))
                .orElseThrow(() -> ApiException.notFound("No such job."));
    }

    // ---- Scheduling ----

    /**
     * Proposes an appointment inside the customer's window; it replaces the open proposal, if any. The job row
     * is locked first, so concurrent proposals count against the budget one after the other.
     */
    @Transactional
    public String propose(Actor party, String userId, String jobId, Instant start, Instant end) {
        Job job = reach(party, userId, jobId);
        if (job.status() != JobStatus.ASSIGNED) {
            throw ApiException.conflict("invalid_state", job.status() == JobStatus.SCHEDULED
                    ? "An appointment is agreed; reschedule it first." : "No appointment can be proposed now.");
        }
        Instant now = clock.instant();
        checkAppointment(job, start, end, now);
        if (jobs.lockIn(jobId, JobStatus.ASSIGNED) != 1) {
            throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
        }
        if (proposals.countByJobIdAndNegotiation(jobId, job.negotiation()) >= properties.maxProposals()) {
            throw ApiException.conflict("too_many_proposals", "No more proposals: please call each other to agree "
                    + "a date, then one of you proposes it here.");
        }
        proposals.findOpen(jobId, job.negotiation(), AppointmentProposal.Status.OPEN).ifPresent(open ->
                proposals.close(open.id(), AppointmentProposal.Status.OPEN, AppointmentProposal.Status.SUPERSEDED,
                        now));
        AppointmentProposal proposal = proposals.save(new AppointmentProposal(UUID.randomUUID().toString(), jobId,
                job.negotiation(), party, start, end, now));
        events.publishEvent(new AppointmentProposed(EventIds.next(), jobId, job.orderId(), job.customerId(),
                job.installerId(), proposal.id(), party, start, end, job.zone().getId(), now));
        return proposal.id();
    }

    private void checkAppointment(Job job, Instant start, Instant end, Instant now) {
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(properties.maxAppointmentLength()) > 0) {
            throw ApiException.badRequest("invalid_appointment", "The appointment must end after it starts and "
                    + "last at most " + properties.maxAppointmentLength().toDays() + " days.");
        }
        if (!start.isAfter(now)) {
            throw ApiException.badRequest("invalid_appointment", "The appointment must be in the future.");
        }
        if (start.isBefore(job.windowStart()) || end.isAfter(job.windowEnd())) {
            throw ApiException.badRequest("outside_window", "The appointment must lie within the customer's window.");
        }
    }

    /** Accepts the other party's open proposal: the appointment is agreed and the job SCHEDULED. */
    @Transactional
    public void acceptProposal(Actor party, String userId, String jobId, String proposalId) {
        Job job = reach(party, userId, jobId);
        JobStatus.Move move = job.schedule(party);
        // The job's row first, as in propose(): the two never wait on each other in opposite order.
        if (jobs.lockIn(jobId, JobStatus.ASSIGNED) != 1) {
            throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
        }
        AppointmentProposal proposal = proposals.findById(proposalId).filter(p -> p.jobId().equals(jobId))
                .orElseThrow(() -> ApiException.notFound("No such proposal."));
        if (proposal.status() != AppointmentProposal.Status.OPEN || proposal.negotiation() != job.negotiation()) {
            throw ApiException.conflict("proposal_closed", "This proposal was replaced or withdrawn.");
        }
        if (proposal.proposedBy() == party) {
            throw ApiException.conflict("own_proposal", "The other party has to accept your proposal.");
        }
        Instant now = clock.instant();
        if (!proposal.start().isAfter(now)) {
            throw ApiException.conflict("proposal_expired", "This proposed time has passed; propose another.");
        }
        if (proposals.close(proposalId, AppointmentProposal.Status.OPEN, AppointmentProposal.Status.ACCEPTED,
                now) != 1
                || jobs.schedule(jobId, move, job.negotiation(), proposal.start(), proposal.end(), now) != 1) {
            throw ApiException.conflict("proposal_closed", "The installation changed meanwhile; reload it.");
        }
        events.publishEvent(new AppointmentAgreed(EventIds.next(), jobId, job.orderId(), job.customerId(),
                job.installerId(), companyOf(job.installerId()), party, proposal.start(), proposal.end(),
                job.zone().getId(), now));
    }

    /** Gives up the agreed appointment (up to the notice period before it, or after a missed one). */
    @Transactional
    public void reschedule(Actor party, String userId, String jobId, String reason) {
        Job job = reach(party, userId, jobId);
        Instant now = clock.instant();
        JobStatus.Move move = job.reschedule(party, now, properties.rescheduleNotice());
        if (jobs.reschedule(jobId, move) != 1) {
            throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
        }
        events.publishEvent(new RescheduleRequested(EventIds.next(), jobId, job.orderId(), job.customerId(),
                job.installerId(), party, job.scheduledStart(), reason, job.zone().getId(), now));
    }

    /** The agreed appointment as an iCalendar file; 404 while none is agreed. */
    @Transactional(readOnly = true)
    public String calendar(Actor party, String userId, String jobId, Locale locale) {
        Job job = reach(party, userId, jobId);
        if (job.scheduledStart() == null) {
            throw ApiException.notFound("No appointment is agreed yet.");
        }
        boolean german = "de".equals(locale.getLanguage());
        String company = companyOf(job.installerId());
        String summary = german ? "Solaranlage: Installation" + (company == null ? "" : " (" + company + ")")
                : "Solar installation" + (company == null ? "" : " (" + company + ")");
        String location = job.addressLine() + ", " + job.postalCode() + " " + job.city() + ", " + job.country();
        ZoneId zone = job.zone();
        DateTimeFormatter local = DateTimeFormatter.ofPattern(german ? "d.M.yyyy HH:mm" : "d MMM yyyy HH:mm",
                german ? Locale.GERMAN : Locale.ENGLISH).withZone(zone);
        String description = (german ? "Installation von " + job.panelCount() + " Solarmodulen, Beginn "
                : "Installation of " + job.panelCount() + " solar panels, starting ") + local.format(job.scheduledStart())
                + " (" + zone.getId() + ").";
        return CalendarFiles.appointment(job.id(), job.negotiation(), job.scheduledStart(), job.scheduledEnd(),
                job.appointmentAgreedAt() == null ? clock.instant() : job.appointmentAgreedAt(), summary, location,
                description);
    }

    // ---- The work ----

    @Transactional
    public void start(String installerId, String jobId) {
        Job job = reach(Actor.INSTALLER, installerId, jobId);
        Instant now = clock.instant();
        JobStatus.Move move = job.start(now);
        if (jobs.start(jobId, move, installerId, job.negotiation(), now) != 1
                || !orderProgress.installationStarted(job.orderId())) {
            throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
        }
        events.publishEvent(new JobStarted(EventIds.next(), jobId, job.orderId(), job.customerId(), installerId,
                companyOf(installerId), now));
    }

    /**
     * Stores one photo for the report being prepared. The image is checked and re-encoded before any transaction
     * (it is CPU work), stored under a random key, then recorded under the job's row lock so the cap holds; if the
     * record cannot be written the stored image is deleted again.
     */
    public DispatchViews.Photo uploadPhoto(String installerId, String jobId, InputStream upload) {
        Job job = reach(Actor.INSTALLER, installerId, jobId);
        if (job.status() != JobStatus.IN_PROGRESS) {
            throw ApiException.conflict("invalid_state", "Photos can be added while the installation is in progress.");
        }
        if (photos.countDrafts(jobId) >= properties.maxPhotos()) {
            throw tooManyPhotos();
        }
        Images.CleanImage image = images.sanitise(upload);
        String key = BlobStore.newKey("photos");
        blobs.put(key, image.content(), image.contentType());
        try {
            return tx.execute(s -> {
                if (jobs.lockIn(jobId, JobStatus.IN_PROGRESS) != 1) {
                    throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
                }
                if (photos.countDrafts(jobId) >= properties.maxPhotos()) {
                    throw tooManyPhotos();
                }
                JobPhoto photo = photos.save(new JobPhoto(UUID.randomUUID().toString(), jobId, key,
                        image.contentType(), image.content().length, image.width(), image.height(), installerId,
                        clock.instant()));
                return DispatchViews.Photo.of(photo);
            });
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
    }

    private ApiException tooManyPhotos() {
        return ApiException.conflict("too_many_photos", "A report takes at most " + properties.maxPhotos()
                + " photos; remove one first.");
    }

    /** Removes a photo not yet part of a submitted report. */
    public void deletePhoto(String installerId, String jobId, String photoId) {
        String key = tx.execute(s -> {
            reach(Actor.INSTALLER, installerId, jobId);
            JobPhoto photo = photos.findInJob(photoId, jobId)
                    .orElseThrow(() -> ApiException.notFound("No such photo."));
            // Conditional: a report submitted meanwhile has taken the photo, and then it stays.
            if (photo.reportId() != null || photos.deleteDraft(photoId, jobId) != 1) {
                throw ApiException.conflict("photo_in_report", "This photo is part of a submitted report.");
            }
            return photo.blobKey();
        });
        // After the commit: a failed delete leaves an unreachable blob, never a row without its image.
        blobs.delete(key);
    }

    /** The report's content as submitted; validated here, where the job's panel count is known. */
    public record ReportCommand(boolean panelsMounted, boolean inverterConnected, boolean systemCommissioned,
            boolean gridDocumentsHandedOver, List<String> serialNumbers, String notes, List<String> photoIds) {

        public ReportCommand {
            serialNumbers = List.copyOf(serialNumbers);
            photoIds = List.copyOf(photoIds);
        }

        CompletionReport.Checklist checklist() {
            return new CompletionReport.Checklist(panelsMounted, inverterConnected, systemCommissioned,
                    gridDocumentsHandedOver);
        }
    }

    @Transactional
    public void submitCompletion(String installerId, String jobId, ReportCommand report) {
        Job job = reach(Actor.INSTALLER, installerId, jobId);
        JobStatus.Move move = job.submitCompletion();
        if (!report.checklist().complete()) {
            throw ApiException.badRequest("checklist_incomplete", "Every item of the checklist must be done.");
        }
        List<String> serials = report.serialNumbers().stream().map(String::trim).toList();
        if (serials.size() != job.panelCount()) {
            throw ApiException.badRequest("serial_count_mismatch", "The order has " + job.panelCount()
                    + " panels: give exactly that many serial numbers.");
        }
        Set<String> seen = new HashSet<>();
        for (String serial : serials) {
            if (!SERIAL.matcher(serial).matches()) {
                throw ApiException.validation("serialNumbers", "A serial number has 3 to 40 letters, digits, "
                        + "dots, dashes or slashes.");
            }
            if (!seen.add(serial.toUpperCase(Locale.ROOT))) {
                throw ApiException.badRequest("duplicate_serial", "Each serial number can appear only once.");
            }
        }
        Set<String> photoIds = new LinkedHashSet<>(report.photoIds());
        if (photoIds.isEmpty() || photoIds.size() > properties.maxPhotos()) {
            throw ApiException.badRequest("photos_required", "A report needs 1 to " + properties.maxPhotos()
                    + " photos.");
        }
        Instant now = clock.instant();
        CompletionReport saved = reports.saveAndFlush(new CompletionReport(UUID.randomUUID().toString(), jobId,
                installerId, now, report.checklist(), serials, blankToNull(report.notes())));
        if (photos.attach(jobId, saved.id(), photoIds) != photoIds.size()) {
            throw ApiException.badRequest("unknown_photo", "A photo is not among this job's uploaded photos.");
        }
        Instant confirmBy = now.plus(properties.confirmWithin());
        if (jobs.submitCompletion(jobId, move, installerId, now, confirmBy) != 1
                || !orderProgress.completionSubmitted(job.orderId())) {
            throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
        }
        events.publishEvent(new CompletionSubmitted(EventIds.next(), jobId, job.orderId(), job.customerId(),
                installerId, companyOf(installerId), photoIds.size(), confirmBy, now));
    }

    // ---- The customer's answer ----

    @Transactional
    public void confirm(String customerId, String jobId) {
        Job job = reach(Actor.CUSTOMER, customerId, jobId);
        complete(job, job.confirm(Actor.CUSTOMER));
    }

    private void complete(Job job, JobStatus.Move move) {
        Instant now = clock.instant();
        // The automatic confirmation applies only to a report whose time is up (not to one re-submitted since).
        Instant due = move.actor() == Actor.SYSTEM ? now : null;
        if (jobs.confirm(job.id(), move, due, now) != 1
                || !orderProgress.installationConfirmed(job.orderId(), move.actor(), job.installerId())) {
            throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
        }
        events.publishEvent(new JobCompleted(EventIds.next(), job.id(), job.orderId(), job.customerId(),
                job.installerId(), companyOf(job.installerId()), now, move.actor()));
    }

    @Transactional
    public void dispute(String customerId, String jobId, String reason) {
        Job job = reach(Actor.CUSTOMER, customerId, jobId);
        JobStatus.Move move = job.dispute();
        Instant now = clock.instant();
        if (jobs.dispute(jobId, move, reason, now) != 1 || !orderProgress.installationDisputed(job.orderId())) {
            throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
        }
        events.publishEvent(new JobDisputed(EventIds.next(), jobId, job.orderId(), job.customerId(),
                job.installerId(), companyOf(job.installerId()), reason, now));
        audit.publish("JOB_DISPUTED", customerId, SecurityEvent.Outcome.INFO,
                Map.of("jobId", jobId, "orderId", job.orderId()));
    }

    // ---- Admins ----

    /** An admin decides a dispute: rework (back to IN_PROGRESS), complete, or cancel with a refund. */
    @Transactional
    public void resolve(String adminId, String jobId, DisputeResolved.Outcome outcome, String note) {
        Job job = jobs.findById(jobId).orElseThrow(() -> ApiException.notFound("No such job."));
        JobStatus.Move move = job.resolve(outcome);
        Instant now = clock.instant();
        boolean complete = outcome == DisputeResolved.Outcome.COMPLETE;
        if (jobs.resolve(jobId, move, outcome, note, adminId, complete ? now : null, complete ? Actor.ADMIN : null,
                now) != 1) {
            throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
        }
        boolean orderMoved = switch (outcome) {
            case REWORK -> orderProgress.reworkOrdered(job.orderId());
            case COMPLETE -> orderProgress.installationConfirmed(job.orderId(), Actor.ADMIN, job.installerId());
            case CANCEL -> orderProgress.cancelledByAdmin(job.orderId());
        };
        if (!orderMoved) {
            throw ApiException.conflict("invalid_state", "The order changed meanwhile; reload it.");
        }
        if (outcome == DisputeResolved.Outcome.CANCEL) {
            bookings.release(jobId);
        }
        if (complete) {
            events.publishEvent(new JobCompleted(EventIds.next(), jobId, job.orderId(), job.customerId(),
                    job.installerId(), companyOf(job.installerId()), now, Actor.ADMIN));
        }
        events.publishEvent(new DisputeResolved(EventIds.next(), jobId, job.orderId(), job.customerId(),
                job.installerId(), outcome, note, now));
        audit.publish("DISPUTE_RESOLVED", adminId, SecurityEvent.Outcome.SUCCESS,
                Map.of("jobId", jobId, "orderId", job.orderId(), "outcome", outcome.name()));
    }

    /** An admin stops an installation in progress: the job and its order are cancelled, the refund is due. */
    @Transactional
    public void cancelStarted(String adminId, String jobId, String note) {
        Job job = jobs.findById(jobId).orElseThrow(() -> ApiException.notFound("No such job."));
        if (job.status() != JobStatus.IN_PROGRESS) {
            throw ApiException.conflict("invalid_state", job.status() == JobStatus.DISPUTED
                    ? "Resolve the dispute instead." : "Only an installation in progress is cancelled here; "
                            + "before it starts, the customer cancels the order.");
        }
        if (jobs.cancelByAdmin(jobId, job.cancel(Actor.ADMIN), note, adminId, clock.instant()) != 1
                || !orderProgress.cancelledByAdmin(job.orderId())) {
            throw ApiException.conflict("invalid_state", "The installation changed meanwhile; reload it.");
        }
        bookings.release(jobId);
        events.publishEvent(new JobCancelled(EventIds.next(), jobId, job.orderId(), job.installerId(),
                clock.instant()));
        // The note may name people; it stays on the job (admin view), not in the audit trail or the logs.
        audit.publish("JOB_CANCELLED_BY_ADMIN", adminId, SecurityEvent.Outcome.SUCCESS,
                Map.of("jobId", jobId, "orderId", job.orderId()));
    }

    /**
     * A photo for the job's customer, its installer (only while they hold the INSTALLER role: a revoked installer
     * keeps no access to the jobs they had) or an admin; anyone else, or a missing image, 404. Who may see it is
     * part of the query. The image is read from the store outside any transaction, so a slow bucket never holds
     * a database connection.
     */
    public PhotoContent photo(String userId, boolean installer, boolean admin, String jobId, String photoId) {
        boolean visible = admin ? jobs.existsById(jobId) : jobs.viewable(jobId, userId, installer) == 1;
        if (!visible) {
            throw ApiException.notFound("No such photo.");
        }
        JobPhoto photo = photos.findInJob(photoId, jobId).orElseThrow(() -> ApiException.notFound("No such photo."));
        BlobStore.StoredBlob blob = blobs.get(photo.blobKey())
                .orElseThrow(() -> ApiException.notFound("No such photo."));
        return new PhotoContent(blob.content(), photo.contentType(), "photo-" + photo.id() + "." + photo.extension());
    }

    public record PhotoContent(byte[] content, String contentType, String filename) {
    }

    // ---- Timers: each step claims its job with a conditional update, so instances never double up ----

    public record TimerRun(int reminded, int confirmed, int lateAlerts) {
    }

    public TimerRun runTimers() {
        Instant now = clock.instant();
        int reminded = 0;
        for (Job job : jobs.reminderDue(JobStatus.AWAITING_CONFIRMATION, now.minus(properties.reminderAfter()),
                PageRequest.of(0, TIMER_BATCH))) {
            if (Boolean.TRUE.equals(tx.execute(s -> remind(job, now)))) {
                reminded++;
            }
        }
        int confirmed = 0;
        for (Job job : jobs.confirmationDue(JobStatus.AWAITING_CONFIRMATION, now, PageRequest.of(0, TIMER_BATCH))) {
            try {
                tx.executeWithoutResult(s -> complete(job, job.confirm(Actor.SYSTEM)));
                confirmed++;
            } catch (ApiException e) {
                // Answered by the customer meanwhile (or by another instance): nothing to do.
                log.debug("Job {} was answered before its automatic confirmation", job.id());
            }
        }
        int late = 0;
        for (Job job : jobs.notStarted(JobStatus.SCHEDULED, now.minus(properties.lateStartAlertAfter()),
                PageRequest.of(0, TIMER_BATCH))) {
            if (Boolean.TRUE.equals(tx.execute(s -> alertLate(job, now)))) {
                late++;
            }
        }
        if (reminded + confirmed + late > 0) {
            log.info("Installation timers: {} reminder(s), {} automatic confirmation(s), {} late-start alert(s)",
                    reminded, confirmed, late);
        }
        return new TimerRun(reminded, confirmed, late);
    }

    private boolean remind(Job job, Instant now) {
        if (jobs.markReminded(job.id(), JobStatus.AWAITING_CONFIRMATION, now) != 1) {
            return false;
        }
        events.publishEvent(new CompletionReminderDue(EventIds.next(), job.id(), job.orderId(), job.customerId(),
                companyOf(job.installerId()), job.confirmBy(), now));
        return true;
    }

    private boolean alertLate(Job job, Instant now) {
        if (jobs.markLateAlerted(job.id(), JobStatus.SCHEDULED, now) != 1) {
            return false;
        }
        audit.publish("JOB_NOT_STARTED", null, SecurityEvent.Outcome.INFO, Map.of("jobId", job.id(), "orderId",
                job.orderId(), "installerId", job.installerId(), "scheduledStart", job.scheduledStart().toString()));
        return true;
    }

    private String companyOf(String installerId) {
        return installerId == null ? null
                : profiles.findById(installerId).map(InstallerProfile::companyName).orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
