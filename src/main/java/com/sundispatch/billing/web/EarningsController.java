package com.sundispatch.billing.web;

import java.time.Clock;
import java.time.Year;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.internal.PayoutService;
import com.sundispatch.billing.internal.PayoutViews.Earnings;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.ApiException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("hasRole('INSTALLER')")
@Tag(name = "Installers")
class EarningsController {

    private final PayoutService payouts;
    private final BillingProperties properties;
    private final Clock clock;

    EarningsController(PayoutService payouts, BillingProperties properties, Clock clock) {
        this.payouts = payouts;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/installer/earnings")
    @Operation(summary = "The caller's payouts of a year (default: this year in the billing time zone), totals "
            + "and month by month: earned = pending (DUE) + paid out")
    Earnings earnings(CurrentUser user, @RequestParam(required = false) Integer year) {
        int y = year == null ? Year.now(clock.withZone(properties.timeZone())).getValue() : year;
        if (y < 2000 || y > 2100) {
            throw ApiException.validation("year", "must be from 2000 to 2100");
        }
        return payouts.earnings(user.userId(), y);
    }
}
