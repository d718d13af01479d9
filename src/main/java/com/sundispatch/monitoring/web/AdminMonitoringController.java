package com.sundispatch.monitoring.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.monitoring.internal.MonitoringService;
import com.sundispatch.monitoring.internal.MonitoringService.AlertView;
import com.sundispatch.monitoring.internal.MonitoringService.AuditView;
import com.sundispatch.monitoring.internal.MonitoringService.IpBlockView;
import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin")
class AdminMonitoringController {

    record BlockRequest(@NotBlank @Size(max = 50) String cidr, @NotBlank @Size(max = 300) String reason,
            Instant expiresAt) {
    }

    private final MonitoringService monitoring;
    private final ClientIpResolver clientIp;

    AdminMonitoringController(MonitoringService monitoring, ClientIpResolver clientIp) {
        this.monitoring = monitoring;
        this.clientIp = clientIp;
    }

    @GetMapping("/api/v1/admin/audit-events")
    @Operation(summary = "Security events, newest first; filters type, userId, ip, from, to")
    PageResponse<AuditView> audit(@RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String type,
            @RequestParam(required = false) @Size(max = 64) String userId,
            @RequestParam(required = false) @Size(max = 45) String ip,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(monitoring.audit(type, userId, ip, from, to, PageRequests.of(page, size,
                Sort.by(Sort.Direction.DESC, "occurredAt").and(Sort.by("id")))), a -> a);
    }

    @GetMapping("/api/v1/admin/alerts")
    PageResponse<AlertView> alerts(@RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String type,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(monitoring.alerts(type, PageRequests.of(page, size,
                Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("id")))), a -> a);
    }

    @GetMapping("/api/v1/admin/ip-blocks")
    List<IpBlockView> blocks() {
        return monitoring.activeBlocks();
    }

    @PostMapping("/api/v1/admin/ip-blocks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Block an address or CIDR range (optionally until a time); refuses to block yourself")
    IpBlockView block(CurrentUser admin, @Valid @RequestBody BlockRequest r, HttpServletRequest http) {
        return monitoring.addBlock(admin.userId(), r.cidr().trim(), r.reason(), r.expiresAt(), clientIp.resolve(http));
    }

    @DeleteMapping("/api/v1/admin/ip-blocks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(CurrentUser admin, @PathVariable @Size(max = 64) String id) {
        monitoring.removeBlock(admin.userId(), id);
    }
}
