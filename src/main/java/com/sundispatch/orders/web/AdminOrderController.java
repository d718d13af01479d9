package com.sundispatch.orders.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.identity.Accounts;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.orders.internal.AdminOrders;
import com.sundispatch.orders.internal.MoneyChecks;
import com.sundispatch.orders.internal.OrderView;
import com.sundispatch.orders.web.OrderRequests.RefundRequest;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.Money;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The back office of orders and money for admins. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin")
class AdminOrderController {

    private static final String AMOUNT = "^\\d{1,10}(\\.\\d{1,2})?$";

    private final AdminOrders orders;
    private final MoneyChecks checks;
    private final Accounts accounts;

    AdminOrderController(AdminOrders orders, MoneyChecks checks, Accounts accounts) {
        this.orders = orders;
        this.checks = checks;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/admin/orders")
    @Operation(summary = "Search orders by status, customer email (prefix), creation date and total")
    PageResponse<AdminOrders.Row> search(@RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @Size(max = 254) String email,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Pattern(regexp = AMOUNT) String minTotal,
            @RequestParam(required = false) @Pattern(regexp = AMOUNT) String maxTotal,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        for (LocalDate date : new LocalDate[] { from, to }) {
            if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
                throw ApiException.validation(date == from ? "from" : "to", "must be a date from 2000 to 2100");
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.validation("to", "must not be before from");
        }
        return PageResponse.of(orders.search(new AdminOrders.Filter(status, email, from, to, decimal(minTotal),
                decimal(maxTotal)), PageRequests.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")
                        .and(Sort.by("id")))), r -> r);
    }

    private static BigDecimal decimal(String amount) {
        return amount == null ? null : new BigDecimal(amount);
    }

    @GetMapping("/api/v1/admin/orders/{id}")
    @Operation(summary = "One order's whole story: items, money, payments, refunds, documents, ledger, payout, audit")
    AdminOrders.Story story(@PathVariable @Size(max = 64) String id) {
        return orders.story(id);
    }

    @PostMapping("/api/v1/admin/orders/{id}/refunds")
    @Operation(summary = "Refund part or all of what is left of an order through the provider (step-up; once per "
            + "Idempotency-Key)")
    @ApiResponse(responseCode = "201", description = "The refund was started", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OrderView.RefundView.class)))
    @ApiResponse(responseCode = "200", description = "A repeat with the same Idempotency-Key: the first answer's refund", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OrderView.RefundView.class)))
    ResponseEntity<OrderView.RefundView> refund(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody RefundRequest request) {
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9_-]{8,64}")) {
            throw ApiException.badRequest("idempotency_key_required",
                    "Send an Idempotency-Key header of 8 to 64 letters, digits, '-' or '_'.");
        }
        accounts.requireRecentReauthentication(admin);
        AdminOrders.RefundOutcome outcome = orders.refund(admin.userId(), id,
                new Money(request.amount().amount(), request.amount().currency()), request.reason(), idempotencyKey);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.refund());
    }

    @GetMapping("/api/v1/admin/ledger/check")
    @Operation(summary = "Recompute every paid order's balances from the ledger and compare them with payments, "
            + "refunds, payouts and order states")
    MoneyChecks.Report check() {
        return checks.check();
    }
}
