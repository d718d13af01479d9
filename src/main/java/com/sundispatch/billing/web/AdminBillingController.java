package com.sundispatch.billing.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.sundispatch.billing.Payouts.Payout;
import com.sundispatch.billing.Payouts.Status;
import com.sundispatch.billing.internal.LedgerCsv;
import com.sundispatch.billing.internal.PayoutService;
import com.sundispatch.billing.internal.PayoutViews.AdminPayoutView;
import com.sundispatch.billing.internal.PayoutViews.PayoutView;
import com.sundispatch.identity.Accounts;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin")
class AdminBillingController {

    /**
     * The bank transfer's reference: letters and digits first, then the punctuation bank references use; nothing
     * that could start a spreadsheet formula or break a CSV line when it is exported later.
     */
    record PaidRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/:#-]{0,63}") String reference) {
    }

    private final PayoutService payouts;
    private final LedgerCsv csv;
    private final Accounts accounts;
    private final SecurityEvents events;

    AdminBillingController(PayoutService payouts, LedgerCsv csv, Accounts accounts, SecurityEvents events) {
        this.payouts = payouts;
        this.csv = csv;
        this.accounts = accounts;
        this.events = events;
    }

    @GetMapping("/api/v1/admin/payouts")
    @Operation(summary = "Payouts, newest due first, optionally only DUE or PAID, with the installer's name")
    PageResponse<AdminPayoutView> payouts(@RequestParam(required = false) @Pattern(regexp = "DUE|PAID") String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var request = PageRequests.of(page, size, Sort.unsorted());
        return payouts.list(status == null ? null : Status.valueOf(status), request.getPageNumber(),
                request.getPageSize());
    }

    @PostMapping("/api/v1/admin/payouts/{id}/paid")
    @Operation(summary = "Record the bank transfer of a DUE payout (step-up; 409 invalid_state when not DUE)")
    PayoutView markPaid(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody PaidRequest request) {
        // Marks money as gone to an installer's account: a stolen access token alone must not do it.
        accounts.requireRecentReauthentication(admin);
        Payout paid = payouts.markPaid(id, admin.userId(), request.reference());
        events.publish("PAYOUT_MARKED_PAID", admin.userId(), SecurityEvent.Outcome.SUCCESS,
                Map.of("payoutId", paid.id(), "orderId", paid.orderId()));
        return PayoutView.of(paid);
    }

    @GetMapping("/api/v1/admin/ledger.csv")
    @Operation(summary = "The ledger entries created between two dates (inclusive, billing time zone, at most 366 "
            + "days) as CSV, streamed")
    @ApiResponse(responseCode = "200", description = "The ledger rows as CSV with a header line", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")) })
    ResponseEntity<StreamingResponseBody> ledgerCsv(
            @Parameter(required = true) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @Parameter(required = true) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to) {
        LedgerCsv.Range range = csv.range(from, to);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            csv.write(range, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ledger-" + range.from() + "-" + range.to() + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
