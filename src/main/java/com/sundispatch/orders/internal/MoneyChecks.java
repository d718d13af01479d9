package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.billing.Ledger;
import com.sundispatch.billing.Payouts;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Recomputes every paid order's balances from the ledger alone and holds them against the other records of the
 * same money: the provider's successful payments, the settled refunds, the payout, and the order's state (a
 * completed or fully refunded order holds nothing; an open one holds what was paid minus what went back).
 */
@Service
public class MoneyChecks {

    public record Difference(String orderId, String problem) {
    }

    /** {@code legacyOrders}: paid before the ledger began (0.12.0), so outside it and not checked. */
    @Schema(name = "LedgerCheckReport")
    public record Report(int orders, int legacyOrders, List<Difference> differences) {
    }

    private static final Logger log = LoggerFactory.getLogger(MoneyChecks.class);

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final OrderRepository orders;
    private final Ledger ledger;
    private final Payouts payouts;
    private final SecurityEvents audit;
    private final TransactionTemplate tx;

    MoneyChecks(PaymentRepository payments, RefundRepository refunds, OrderRepository orders, Ledger ledger,
            Payouts payouts, SecurityEvents audit, TransactionTemplate tx) {
        this.payments = payments;
        this.refunds = refunds;
        this.orders = orders;
        this.ledger = ledger;
        this.payouts = payouts;
        this.audit = audit;
        this.tx = tx;
    }

    /** Checks every order with a successful payment, page by page; a difference raises LEDGER_MISMATCH. */
    public Report check() {
        List<Difference> differences = new ArrayList<>();
        int checked = 0;
        int legacy = 0;
        Optional<Instant> ledgerBegan = ledger.firstEntryAt();
        Slice<String> page = payments.findPaidOrderIds(Payment.Status.SUCCEEDED, PageRequest.of(0, 500));
        while (true) {
            for (String orderId : page.getContent()) {
                if (Boolean.TRUE.equals(tx.execute(s -> beforeTheLedger(orderId, ledgerBegan)))) {
                    legacy++;
                    continue;
                }
                checked++;
                List<Difference> found = tx.execute(s -> check(orderId));
                differences.addAll(found == null ? List.of() : found);
            }
            if (!page.hasNext()) {
                break;
            }
            page = payments.findPaidOrderIds(Payment.Status.SUCCEEDED, page.nextPageable());
        }
        if (!differences.isEmpty()) {
            log.error("Ledger check: {} difference(s) in {} order(s)", differences.size(), checked);
            audit.publish("LEDGER_MISMATCH", null, SecurityEvent.Outcome.FAILURE,
                    Map.of("differences", String.valueOf(differences.size()), "orderId",
                            differences.get(0).orderId()));
        }
        return new Report(checked, legacy, differences);
    }

    /**
     * An order paid before 0.12.0 has no movement in the ledger, which did not exist then: it was paid (or, paid
     * late, has no payment date) before the ledger's first entry. Since 0.12.0 every successful payment books its
     * capture in the same transaction, so a newer order without entries is a difference, not a legacy order.
     */
    private boolean beforeTheLedger(String orderId, Optional<Instant> ledgerBegan) {
        if (!ledger.entriesOf(orderId).isEmpty()) {
            return false;
        }
        Instant paidAt = orders.findById(orderId).map(CustomerOrder::paidAt).orElse(null);
        return ledgerBegan.isEmpty() || paidAt == null || paidAt.isBefore(ledgerBegan.get());
    }

    List<Difference> check(String orderId) {
        List<Difference> found = new ArrayList<>();
        CustomerOrder order = orders.findById(orderId).orElse(null);
        if (order == null) {
            return List.of(new Difference(orderId, "payments for an order that does not exist"));
        }
        List<Ledger.Entry> entries = ledger.entriesOf(orderId);
        Map<Ledger.Account, BigDecimal> balances = ledger.balances(orderId);
        BigDecimal captured = payments.findByOrderIdAndStatus(orderId, Payment.Status.SUCCEEDED).stream()
                .map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Refund> orderRefunds = refunds.findByOrderIdOrderByCreatedAt(orderId);
        BigDecimal refunded = orderRefunds.stream().filter(r -> r.status() == Refund.Status.SUCCEEDED)
                .map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean refundsPending = orderRefunds.stream().anyMatch(r -> r.status() == Refund.Status.PENDING);
        Optional<Payouts.Payout> payout = payouts.ofOrder(orderId);

        same(found, orderId, "captured", captured, sum(entries, Ledger.Kind.CAPTURE));
        same(found, orderId, "refunded", refunded, sum(entries, Ledger.Kind.REFUND));
        same(found, orderId, "payout due", payout.map(p -> p.amount().value()).orElse(BigDecimal.ZERO),
                sum(entries, Ledger.Kind.PAYOUT_DUE));
        same(found, orderId, "payout paid", payout.filter(p -> p.status() == Payouts.Status.PAID)
                .map(p -> p.amount().value()).orElse(BigDecimal.ZERO), sum(entries, Ledger.Kind.PAYOUT_PAID));
        BigDecimal held = balances.getOrDefault(Ledger.Account.HELD, BigDecimal.ZERO);
        if (held.signum() < 0) {
            found.add(new Difference(orderId, "more left the held money than came in: " + held));
        }
        if (balances.getOrDefault(Ledger.Account.INSTALLER_PAYABLE, BigDecimal.ZERO).signum() < 0) {
            found.add(new Difference(orderId, "more paid to the installer than was owed"));
        }
        if (order.status() == OrderStatus.COMPLETED && payout.isPresent() && !refundsPending && held.signum() != 0) {
            found.add(new Difference(orderId, "completed and paid out, yet " + held + " still held"));
        }
        if (order.status() == OrderStatus.COMPLETED && payout.isEmpty() && held.signum() > 0) {
            found.add(new Difference(orderId, "completed with money held but no payout recorded"));
        }
        if (order.status() == OrderStatus.CANCELLED && !refundsPending && held.signum() != 0) {
            found.add(new Difference(orderId, "cancelled and settled, yet " + held + " still held"));
        }
        if (order.status() != OrderStatus.COMPLETED && order.status() != OrderStatus.CANCELLED) {
            same(found, orderId, "held", captured.subtract(refunded), held);
        }
        return found;
    }

    private static void same(List<Difference> found, String orderId, String what, BigDecimal expected,
            BigDecimal booked) {
        if (expected.compareTo(booked) != 0) {
            found.add(new Difference(orderId, what + ": records say " + expected.toPlainString() + ", ledger "
                    + booked.toPlainString()));
        }
    }

    private static BigDecimal sum(List<Ledger.Entry> entries, Ledger.Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).map(Ledger.Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
