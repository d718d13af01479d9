package com.sundispatch.dispatch.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import com.sundispatch.dispatch.JobStatus;
import com.sundispatch.dispatch.internal.DispatchViews.Appointment;
import com.sundispatch.dispatch.internal.DispatchViews.Dispute;
import com.sundispatch.dispatch.internal.DispatchViews.Photo;
import com.sundispatch.dispatch.internal.DispatchViews.Proposal;
import com.sundispatch.dispatch.internal.DispatchViews.Report;
import com.sundispatch.dispatch.internal.DispatchViews.Resolution;
import com.sundispatch.dispatch.internal.DispatchViews.Scheduling;

/** The parts of a job's views that every party shares: appointment, negotiation, reports, dispute. */
@Component
class JobDetails {

    private final AppointmentProposalRepository proposals;
    private final CompletionReportRepository reports;
    private final JobPhotoRepository photos;
    private final InstallationProperties properties;

    JobDetails(AppointmentProposalRepository proposals, CompletionReportRepository reports, JobPhotoRepository photos,
            InstallationProperties properties) {
        this.proposals = proposals;
        this.reports = reports;
        this.photos = photos;
        this.properties = properties;
    }

    Appointment appointment(Job job) {
        if (job.scheduledStart() == null) {
            return null;
        }
        return new Appointment(job.scheduledStart(), job.scheduledEnd(), job.appointmentAgreedAt(),
                job.zone().getId(), job.scheduledStart().minus(properties.rescheduleNotice()));
    }

    /** The current negotiation's proposals (earlier negotiations ended in an appointment that was moved). */
    Scheduling scheduling(Job job) {
        List<AppointmentProposal> current = proposals.history(job.id()).stream()
                .filter(p -> p.negotiation() == job.negotiation()).toList();
        Proposal open = job.status() != JobStatus.ASSIGNED ? null : current.stream()
                .filter(p -> p.status() == AppointmentProposal.Status.OPEN).findFirst().map(Proposal::of).orElse(null);
        int left = job.status() == JobStatus.ASSIGNED ? Math.max(0, properties.maxProposals() - current.size()) : 0;
        return new Scheduling(open, left, current.stream().map(Proposal::of).toList());
    }

    List<Photo> drafts(Job job) {
        return photos.drafts(job.id()).stream().map(Photo::of).toList();
    }

    Report current(Job job) {
        return reports.newestFirst(job.id()).stream().findFirst().map(this::report).orElse(null);
    }

    List<Report> all(Job job) {
        return reports.newestFirst(job.id()).stream().map(this::report).toList();
    }

    private Report report(CompletionReport r) {
        CompletionReport.Checklist c = r.checklist();
        return new Report(r.submittedAt(), new DispatchViews.Checklist(c.panelsMounted(), c.inverterConnected(),
                c.systemCommissioned(), c.gridDocumentsHandedOver()), r.serialNumbers(), r.notes(),
                photos.ofReport(r.id()).stream().map(Photo::of).toList());
    }

    Dispute dispute(Job job) {
        if (job.disputedAt() == null) {
            return null;
        }
        Resolution resolution = job.resolvedAt() == null ? null
                : new Resolution(job.resolution(), job.resolutionNote(), job.resolvedAt());
        return new Dispute(job.disputeReason(), job.disputedAt(), resolution);
    }

    boolean canStart(Job job, Instant now) {
        return job.isAppointmentDay(now);
    }
}
