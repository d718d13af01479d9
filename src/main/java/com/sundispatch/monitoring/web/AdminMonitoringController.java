package com.sundispatch.monitoring.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.sundispatch.monitoring.internal.MonitoringService;
import com.sundispatch.monitoring.internal.MonitoringService.AlertView;
import com.sundispatch.monitoring.internal.MonitoringService.AuditView;
import com.sundispatch.monitoring.internal.MonitoringService.IpBlockView;
import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin")
class AdminMonitoringController {

    /** {@code expiresAt} left out or null: a block without end (the admin page sends null for an empty date). */
    record BlockRequest(@NotBlank @Size(max = 50) String cidr, @NotBlank @Size(max = 300) String reason,
            @Schema(types = {"string", "null"}, format = "date-time",
                    description = "When the block ends; null or left out: it does not end") Instant expiresAt) {
    }

    /** Empty on purpose: acknowledging takes no input, but the body stays JSON like every other POST. */
    record AcknowledgeRequest() {
    }

    @Schema(name = "AlertResolveRequest")
    record ResolveRequest(@Size(max = 1000) String note) {
    }

    /** Rows read per keyset page of an export. */
    private static final int EXPORT_PAGE = 500;

    private final MonitoringService monitoring;
    private final ClientIpResolver clientIp;
    private final SecurityEvents events;
    private final Clock clock;

    AdminMonitoringController(MonitoringService monitoring, ClientIpResolver clientIp, SecurityEvents events,
            Clock clock) {
        this.monitoring = monitoring;
        this.clientIp = clientIp;
        this.events = events;
        this.clock = clock;
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

    @GetMapping("/api/v1/admin/audit-events/export")
    @Operation(summary = "The audit trail as a CSV or NDJSON download, streamed; same filters as the list")
    @ApiResponse(responseCode = "200", description = "The events as CSV or as one JSON object per line", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string", format = "binary")) })
    ResponseEntity<StreamingResponseBody> export(CurrentUser admin,
            @RequestParam @Pattern(regexp = "csv|ndjson") String format,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String type,
            @RequestParam(required = false) @Size(max = 64) String userId,
            @RequestParam(required = false) @Size(max = 45) String ip,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        boolean csv = format.equals("csv");
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("format", format);
        if (type != null) {
            filters.put("type", type);
        }
        if (userId != null) {
            filters.put("userId", userId);
        }
        events.publish("AUDIT_EXPORTED", admin.userId(), SecurityEvent.Outcome.INFO, filters);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (csv) {
                writer.write(AuditExportFormat.CSV_HEADER);
            }
            monitoring.exportAudit(type, userId, ip, from, to, EXPORT_PAGE, event -> {
                try {
                    writer.write(csv ? AuditExportFormat.csvLine(event) : AuditExportFormat.ndjsonLine(event));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        String name = "audit-events-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(clock.instant()) + (csv ? ".csv" : ".ndjson");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    @GetMapping("/api/v1/admin/alerts")
    @Operation(summary = "Alerts, newest first; filters type and status (OPEN, ACKNOWLEDGED, RESOLVED)")
    PageResponse<AlertView> alerts(@RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}") String type,
            @RequestParam(required = false) @Pattern(regexp = "OPEN|ACKNOWLEDGED|RESOLVED") String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(monitoring.alerts(type, status, PageRequests.of(page, size,
                Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("id")))), a -> a);
    }

    @PostMapping("/api/v1/admin/alerts/{id}/acknowledge")
    @Operation(summary = "OPEN to ACKNOWLEDGED (409 invalid_state otherwise)")
    AlertView acknowledge(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody AcknowledgeRequest request) {
        return monitoring.acknowledge(admin.userId(), id);
    }

    @PostMapping("/api/v1/admin/alerts/{id}/resolve")
    @Operation(summary = "OPEN or ACKNOWLEDGED to RESOLVED, with an optional note (409 invalid_state otherwise)")
    AlertView resolve(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody ResolveRequest request) {
        return monitoring.resolve(admin.userId(), id, request.note());
    }

    @GetMapping("/api/v1/admin/ip-blocks")
    @Operation(summary = "Active address blocks, manual and automatic")
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
    @Operation(summary = "Lift an address block")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(CurrentUser admin, @PathVariable @Size(max = 64) String id) {
        monitoring.removeBlock(admin.userId(), id);
    }
}
