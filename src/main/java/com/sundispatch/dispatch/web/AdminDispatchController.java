package com.sundispatch.dispatch.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.dispatch.JobStatus;
import com.sundispatch.dispatch.internal.DispatchViews.AdminJobDetail;
import com.sundispatch.dispatch.internal.DispatchViews.AdminJobView;
import com.sundispatch.dispatch.internal.DispatchViews.AdminMap;
import com.sundispatch.dispatch.internal.DispatchViews.ApplicationView;
import com.sundispatch.dispatch.internal.DispatchViews.InstallerView;
import com.sundispatch.dispatch.internal.Dispatcher;
import com.sundispatch.dispatch.internal.InstallerService;
import com.sundispatch.dispatch.internal.Installations;
import com.sundispatch.dispatch.internal.JobQueries;
import com.sundispatch.dispatch.web.DispatchRequests.AdminCancelRequest;
import com.sundispatch.dispatch.web.DispatchRequests.EmptyRequest;
import com.sundispatch.dispatch.web.DispatchRequests.RejectRequest;
import com.sundispatch.dispatch.web.DispatchRequests.ResolveRequest;
import com.sundispatch.dispatch.web.DispatchRequests.RevokeRequest;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin")
class AdminDispatchController {

    private final InstallerService installers;
    private final Dispatcher dispatcher;
    private final JobQueries queries;
    private final Installations installations;

    AdminDispatchController(InstallerService installers, Dispatcher dispatcher, JobQueries queries,
            Installations installations) {
        this.installations = installations;
        this.installers = installers;
        this.dispatcher = dispatcher;
        this.queries = queries;
    }

    @GetMapping("/api/v1/admin/installers/applications")
    @Operation(summary = "Installer applications, optionally of one status (PENDING, APPROVED, REJECTED), oldest first")
    PageResponse<ApplicationView> applications(
            @RequestParam(required = false) @Pattern(regexp = "PENDING|APPROVED|REJECTED") String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(installers.byStatus(status, PageRequests.of(page, size, Sort.by("createdAt"))),
                a -> a);
    }

    @PostMapping("/api/v1/admin/installers/applications/{id}/approve")
    @Operation(summary = "Approve: the applicant becomes an INSTALLER (new role on their next token refresh)")
    ApplicationView approve(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @RequestBody(required = false) EmptyRequest body) {
        return installers.approve(admin.userId(), id);
    }

    @PostMapping("/api/v1/admin/installers/applications/{id}/reject")
    @Operation(summary = "Reject an installer application with a reason")
    ApplicationView reject(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody RejectRequest r) {
        return installers.reject(admin.userId(), id, r.reason());
    }

    @GetMapping("/api/v1/admin/installers")
    @Operation(summary = "Approved installers: status=ACTIVE (default; banned ones show as BANNED) or REVOKED")
    PageResponse<InstallerView> approvedInstallers(
            @RequestParam(required = false) @Pattern(regexp = "ACTIVE|REVOKED") String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(installers.installers(status, PageRequests.of(page, size,
                Sort.by(Sort.Direction.DESC, "approvedAt").and(Sort.by("userId")))), i -> i);
    }

    @PostMapping("/api/v1/admin/installers/{installerId}/revoke")
    @Operation(summary = "Revoke an installer's approval: role taken back, sessions ended, open offers withdrawn, "
            + "jobs not yet started dispatched again")
    InstallerView revoke(CurrentUser admin, @PathVariable @Size(max = 64) String installerId,
            @Valid @RequestBody RevokeRequest r) {
        return installers.revoke(admin.userId(), installerId, r.reason());
    }

    @GetMapping("/api/v1/admin/jobs")
    @Operation(summary = "Jobs by status, e.g. UNASSIGNED, or the job of one order (orderId)")
    PageResponse<AdminJobView> jobs(
            @RequestParam(required = false)
            @Pattern(regexp = "DISPATCHING|ASSIGNED|SCHEDULED|IN_PROGRESS|AWAITING_CONFIRMATION|DISPUTED|COMPLETED"
                    + "|UNASSIGNED|CANCELLED") String status,
            @RequestParam(required = false) @Size(max = 64) String orderId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Pageable pageable = PageRequests.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
        return PageResponse.of(orderId != null ? queries.ofOrder(orderId, pageable)
                : queries.byStatus(status == null ? null : JobStatus.valueOf(status), pageable), j -> j);
    }

    @GetMapping("/api/v1/admin/jobs/{id}")
    @Operation(summary = "One job: appointment, negotiation, every completion report with photos, dispute")
    AdminJobDetail job(@PathVariable @Size(max = 64) String id) {
        return queries.adminJob(id);
    }

    @PostMapping("/api/v1/admin/jobs/{id}/resolve")
    @Operation(summary = "Resolve a dispute: REWORK (back to the installer), COMPLETE, or CANCEL (refund due); "
            + "audited")
    AdminJobDetail resolve(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody ResolveRequest r) {
        installations.resolve(admin.userId(), id, r.outcome(), r.note().strip());
        return queries.adminJob(id);
    }

    @PostMapping("/api/v1/admin/jobs/{id}/cancel")
    @Operation(summary = "Cancel an installation in progress with its order (refund due); audited")
    AdminJobDetail cancel(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody AdminCancelRequest r) {
        installations.cancelStarted(admin.userId(), id, r.note().strip());
        return queries.adminJob(id);
    }

    @GetMapping("/api/v1/admin/map")
    @Operation(summary = "The map: jobs not yet assigned with their exact point (newest 500; jobsTruncated when "
            + "there are more) and approved installers' service areas (base point, radius, status)")
    AdminMap map() {
        return queries.adminMap();
    }

    @PostMapping("/api/v1/admin/jobs/{id}/redispatch")
    @Operation(summary = "Send an UNASSIGNED job out again from the first round")
    AdminJobView redispatch(@PathVariable @Size(max = 64) String id,
            @RequestBody(required = false) EmptyRequest body) {
        return dispatcher.redispatch(id);
    }
}
