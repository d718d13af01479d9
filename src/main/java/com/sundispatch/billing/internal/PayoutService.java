package com.sundispatch.billing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.BillingProperties.PayoutBasis;
import com.sundispatch.billing.Ledger;
import com.sundispatch.billing.Ledger.Kind;
import com.sundispatch.billing.Ledger.Movement;
import com.sundispatch.billing.Payouts;
import com.sundispatch.billing.internal.PayoutViews.AdminPayoutView;
import com.sundispatch.billing.internal.PayoutViews.Earnings;
import com.sundispatch.billing.internal.PayoutViews.EarningsMonth;
import com.sundispatch.billing.internal.PayoutViews.EarningsTotals;
import com.sundispatch.billing.internal.PayoutViews.PayoutView;
import com.sundispatch.identity.Accounts;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.Money;
import com.sundispatch.shared.PageResponse;

/** Installer payouts: recorded DUE at confirmation with their ledger movements, marked PAID by an admin. */
@Service
public class PayoutService implements Payouts {

    private static final String COLUMNS = "id, order_id, installer_id, base_amount, fee, amount, currency, status, "
            + "due_at, paid_at, reference";

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final BillingProperties properties;
    private final Accounts accounts;
    private final Clock clock;

    PayoutService(JdbcClient jdbc, Ledger ledger, BillingProperties properties, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.properties = properties;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Payout recordDue(String orderId, String installerId, BigDecimal gross, BigDecimal vat, String currency) {
        Optional<Payout> existing = ofOrder(orderId);
        if (existing.isPresent()) {
            return existing.get();
        }
        PayoutRules.Split split = PayoutRules.split(gross, vat, properties.payoutBasis(),
                properties.platformFeePercent());
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("insert into payouts (id, order_id, installer_id, base_amount, fee, amount, currency, status, "
                    + "due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, orderId, installerId, split.base(), split.fee(), split.amount(), currency,
                            Status.DUE.name(), Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                    .update();
        } catch (DuplicateKeyException e) {
            // A concurrent confirmation of the same order won; its payout (and movements) stand. A locking read
            // sees the row it committed even under MariaDB's repeatable-read snapshot.
            return jdbc.sql("select " + COLUMNS + " from payouts where order_id = ? for update").param(orderId)
                    .query(PayoutService::payout).single();
        }
        if (properties.payoutBasis() == PayoutBasis.NET && split.vat().signum() > 0) {
            ledger.record(Movement.of(orderId, Kind.VAT, split.vat(), currency, id));
        }
        if (split.fee().signum() > 0) {
            ledger.record(Movement.of(orderId, Kind.PLATFORM_FEE, split.fee(), currency, id));
        }
        if (split.amount().signum() > 0) {
            ledger.record(Movement.of(orderId, Kind.PAYOUT_DUE, split.amount(), currency, id));
        }
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Payout> ofOrder(String orderId) {
        return jdbc.sql("select " + COLUMNS + " from payouts where order_id = ?").param(orderId)
                .query(PayoutService::payout).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Payout> find(String payoutId) {
        return jdbc.sql("select " + COLUMNS + " from payouts where id = ?").param(payoutId)
                .query(PayoutService::payout).optional();
    }

    /**
     * DUE to PAID with the bank transfer's reference, by a conditional update so two admins clicking at once
     * cannot both pay: the loser gets 409 {@code invalid_state}. The PAYOUT_PAID movement joins the same
     * transaction.
     */
    @Transactional
    public Payout markPaid(String payoutId, String adminId, String reference) {
        int changed = jdbc.sql("update payouts set status = ?, paid_at = ?, paid_by = ?, reference = ? "
                + "where id = ? and status = ?")
                .params(Status.PAID.name(), Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), adminId,
                        reference, payoutId, Status.DUE.name())
                .update();
        Payout payout = find(payoutId).orElseThrow(() -> ApiException.notFound("There is no such payout."));
        if (changed == 0) {
            throw ApiException.conflict("invalid_state", "This payout is " + payout.status()
                    + " already; only a DUE payout can be marked paid.");
        }
        BigDecimal amount = payout.amount().value();
        if (amount.signum() > 0) {
            ledger.record(Movement.of(payout.orderId(), Kind.PAYOUT_PAID, amount, payout.amount().currency(),
                    payout.id()));
        }
        return payout;
    }

    /**
     * An installer's payouts that became due in {@code year} (billing time zone), month by month: all twelve
     * months are listed so a chart has no gaps.
     */
    @Transactional(readOnly = true)
    public Earnings earnings(String installerId, int year) {
        ZoneId zone = properties.timeZone();
        Instant from = YearMonth.of(year, 1).atDay(1).atStartOfDay(zone).toInstant();
        Instant to = YearMonth.of(year + 1, 1).atDay(1).atStartOfDay(zone).toInstant();
        List<Payout> payouts = jdbc.sql("select " + COLUMNS + " from payouts where installer_id = ? "
                + "and due_at >= ? and due_at < ? order by due_at, id")
                .params(installerId, Timestamp.from(from), Timestamp.from(to))
                .query(PayoutService::payout).list();
        String currency = payouts.isEmpty() ? Money.EUR : payouts.get(0).amount().currency();
        Sums total = new Sums();
        List<Sums> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new Sums());
        }
        for (Payout p : payouts) {
            int month = p.dueAt().atZone(zone).getMonthValue();
            total.add(p);
            months.get(month - 1).add(p);
        }
        List<EarningsMonth> monthViews = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            Sums s = months.get(m);
            monthViews.add(new EarningsMonth(YearMonth.of(year, m + 1).toString(), s.jobs,
                    Money.of(s.pending.add(s.paidOut), currency), Money.of(s.pending, currency),
                    Money.of(s.paidOut, currency)));
        }
        return new Earnings(year, currency, new EarningsTotals(Money.of(total.pending.add(total.paidOut), currency),
                Money.of(total.pending, currency), Money.of(total.paidOut, currency)), monthViews,
                payouts.stream().map(PayoutView::of).toList());
    }

    private static final class Sums {
        private int jobs;
        private BigDecimal pending = BigDecimal.ZERO;
        private BigDecimal paidOut = BigDecimal.ZERO;

        void add(Payout p) {
            jobs++;
            if (p.status() == Status.PAID) {
                paidOut = paidOut.add(p.amount().value());
            } else {
                pending = pending.add(p.amount().value());
            }
        }
    }

    /** Payouts for the admin, newest due first, optionally of one status. */
    @Transactional(readOnly = true)
    public PageResponse<AdminPayoutView> list(Status status, int page, int size) {
        String where = status == null ? "" : " where status = ?";
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status.name());
        }
        long total = jdbc.sql("select count(*) from payouts" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Payout> rows = jdbc.sql("select " + COLUMNS + " from payouts" + where
                + " order by due_at desc, id limit ? offset ?").params(pageParams)
                .query(PayoutService::payout).list();
        Map<String, String> names = new HashMap<>();
        List<AdminPayoutView> items = rows.stream().map(p -> new AdminPayoutView(p.id(), p.orderId(),
                p.installerId(), names.computeIfAbsent(p.installerId(), this::installerName), p.base(), p.fee(),
                p.amount(), p.status(), p.dueAt(), p.paidAt(), p.reference())).toList();
        return new PageResponse<>(items, page, size, total);
    }

    private String installerName(String installerId) {
        return accounts.find(installerId).map(Accounts.AccountSummary::fullName).orElse(null);
    }

    private static Payout payout(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        Timestamp paidAt = rs.getTimestamp("paid_at");
        return new Payout(rs.getString("id"), rs.getString("order_id"), rs.getString("installer_id"),
                Money.of(rs.getBigDecimal("base_amount"), currency), Money.of(rs.getBigDecimal("fee"), currency),
                Money.of(rs.getBigDecimal("amount"), currency), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("due_at").toInstant(), paidAt == null ? null : paidAt.toInstant(),
                rs.getString("reference"));
    }
}
