package com.sundispatch.dispatch.web;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.dispatch.internal.DispatchViews.InstallationView;
import com.sundispatch.dispatch.internal.Installations;
import com.sundispatch.dispatch.internal.JobQueries;
import com.sundispatch.dispatch.web.DispatchRequests.DisputeRequest;
import com.sundispatch.dispatch.web.DispatchRequests.EmptyRequest;
import com.sundispatch.dispatch.web.DispatchRequests.ProposalRequest;
import com.sundispatch.dispatch.web.DispatchRequests.RescheduleRequest;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The customer's side of the installation: the appointment, the report and its confirmation; photos for all. */
@RestController
@Validated
@Tag(name = "Installations")
class InstallationController {

    private final Installations installations;
    private final JobQueries queries;

    InstallationController(Installations installations, JobQueries queries) {
        this.installations = installations;
        this.queries = queries;
    }

    @PostMapping("/api/v1/installations/{jobId}/appointment/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose another appointment inside your window (replaces the open proposal)")
    InstallationView propose(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @Valid @RequestBody ProposalRequest r) {
        installations.propose(Actor.CUSTOMER, user.userId(), jobId, r.start(), r.end());
        return queries.forCustomerByJob(user.userId(), jobId);
    }

    @PostMapping("/api/v1/installations/{jobId}/appointment/proposals/{proposalId}/accept")
    @Operation(summary = "Accept the installer's proposal: the appointment is agreed")
    InstallationView accept(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @PathVariable @Size(max = 64) String proposalId, @RequestBody(required = false) EmptyRequest body) {
        installations.acceptProposal(Actor.CUSTOMER, user.userId(), jobId, proposalId);
        return queries.forCustomerByJob(user.userId(), jobId);
    }

    @PostMapping("/api/v1/installations/{jobId}/appointment/reschedule")
    @Operation(summary = "Give up the agreed appointment (up to 48 h before, or after a missed one)")
    InstallationView reschedule(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @Valid @RequestBody RescheduleRequest r) {
        installations.reschedule(Actor.CUSTOMER, user.userId(), jobId, r.reason().strip());
        return queries.forCustomerByJob(user.userId(), jobId);
    }

    @GetMapping(path = "/api/v1/installations/{jobId}/appointment.ics", produces = "text/calendar")
    @Operation(summary = "The agreed appointment as an iCalendar file")
    ResponseEntity<String> calendar(CurrentUser user, @PathVariable @Size(max = 64) String jobId, Locale locale) {
        return InstallerController.calendarFile(jobId,
                installations.calendar(Actor.CUSTOMER, user.userId(), jobId, locale));
    }

    @PostMapping("/api/v1/installations/{jobId}/confirm")
    @Operation(summary = "Confirm the completion report: the installation and the order are complete")
    InstallationView confirm(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @RequestBody(required = false) EmptyRequest body) {
        installations.confirm(user.userId(), jobId);
        return queries.forCustomerByJob(user.userId(), jobId);
    }

    @PostMapping("/api/v1/installations/{jobId}/dispute")
    @Operation(summary = "Dispute the completion report with a reason: our team decides")
    InstallationView dispute(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @Valid @RequestBody DisputeRequest r) {
        installations.dispute(user.userId(), jobId, r.reason().strip());
        return queries.forCustomerByJob(user.userId(), jobId);
    }

    /**
     * A photo of the work, for the job's customer, its installer and admins only (anyone else 404). Served as
     * the re-encoded image under a fixed name, never sniffed and never cached (SECURITY.md A05: a photo of
     * someone's home must not outlive the session in a shared browser).
     */
    @GetMapping("/api/v1/installations/{jobId}/photos/{photoId}")
    @Operation(summary = "A photo of the completion report (customer, installer, admins)")
    @ApiResponse(responseCode = "200", description = "The photo, inline", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")), @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")) })
    ResponseEntity<byte[]> photo(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @PathVariable @Size(max = 64) String photoId) {
        Installations.PhotoContent photo = installations.photo(user.userId(), user.hasRole("INSTALLER"),
                user.hasRole("ADMIN"), jobId, photoId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(photo.filename()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(photo.content());
    }
}
