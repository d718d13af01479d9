package com.sundispatch.billing.internal;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.Nullable;

import com.sundispatch.billing.Payouts.Payout;
import com.sundispatch.billing.Payouts.Status;
import com.sundispatch.shared.Money;

/** What the earnings and admin payout endpoints answer (docs/money.md "Payouts and earnings"). */
public final class PayoutViews {

    private PayoutViews() {
    }

    /** A payout as its installer sees it. */
    public record PayoutView(String id, String orderId, Money base, Money fee, Money amount, Status status,
            Instant dueAt, @Nullable Instant paidAt, @Nullable String reference) {

        public static PayoutView of(Payout p) {
            return new PayoutView(p.id(), p.orderId(), p.base(), p.fee(), p.amount(), p.status(), p.dueAt(),
                    p.paidAt(), p.reference());
        }
    }

    /** {@code earned = pending + paidOut}: every payout that became due, split by whether it was transferred. */
    public record EarningsTotals(Money earned, Money pending, Money paidOut) {
    }

    /** One calendar month (billing time zone) of the payouts that became due in it. */
    public record EarningsMonth(String month, int jobs, Money earned, Money pending, Money paidOut) {
    }

    public record Earnings(int year, String currency, EarningsTotals totals, List<EarningsMonth> months,
            List<PayoutView> payouts) {

        public Earnings {
            months = List.copyOf(months);
            payouts = List.copyOf(payouts);
        }
    }

    /**
     * A payout in the admin's list, with the installer's name to transfer the money to; null when no account has the
     * installer's id any more (the payout stays: bookkeeping outlives the account; the page shows "installer").
     */
    public record AdminPayoutView(String id, String orderId, String installerId, @Nullable String installerName,
            Money base, Money fee, Money amount, Status status, Instant dueAt, @Nullable Instant paidAt,
            @Nullable String reference) {
    }
}
