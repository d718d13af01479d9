package com.sundispatch.orders.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Nullable;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.Ledger;
import com.sundispatch.billing.Payouts;
import com.sundispatch.identity.Accounts;
import com.sundispatch.monitoring.AuditTrail;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.orders.RefundIssued;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.Money;

/** The admin back office of orders: search, one order's whole story, and refunds. */
@Service
public class AdminOrders {

    public record Filter(OrderStatus status, String email, LocalDate from, LocalDate to, BigDecimal minTotal,
            BigDecimal maxTotal) {
    }

    public record Row(String id, OrderStatus status, String customerId, String customerName, String customerEmail,
            Money total, Money refunded, Instant createdAt, @Nullable Instant paidAt) {
    }

    @Schema(name = "AdminOrderCustomer")
    public record Customer(String id, @Nullable String name, @Nullable String email) {
    }

    public record PaymentRow(String id,
            @Schema(allowableValues = { SandboxPaymentProvider.NAME, StripePaymentProvider.NAME })
            String provider,
            @Schema(implementation = Payment.Status.class)
            String status, Money amount, Instant createdAt,
            Instant updatedAt) {
    }

    public record LedgerRow(String id,
            @Schema(implementation = Ledger.Kind.class)
            String kind,
            @Schema(implementation = Ledger.Account.class)
            String from,
            @Schema(implementation = Ledger.Account.class)
            String to, Money amount, @Nullable String reference,
            Instant createdAt) {
    }

    public record Story(OrderView order, Customer customer, @Nullable String installerId, List<PaymentRow> payments,
            List<LedgerRow> ledger, @Nullable Payouts.Payout payout, List<AuditTrail.Entry> audit) {
    }

    /** The refund an admin asked for; {@code created} false when the idempotency key named an earlier one. */
    public record RefundOutcome(OrderView.RefundView refund, boolean created) {
    }

    /** At most this many accounts match an email prefix; a broader prefix narrows nothing worth listing. */
    private static final int EMAIL_MATCHES = 500;

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final RefundRepository refundRows;
    private final Refunds refunds;
    private final OrderViews views;
    private final Ledger ledger;
    private final Payouts payouts;
    private final Accounts accounts;
    private final AuditTrail auditTrail;
    private final SecurityEvents audit;
    private final BillingProperties billing;
    private final TransactionTemplate tx;

    AdminOrders(OrderRepository orders, PaymentRepository payments, RefundRepository refundRows, Refunds refunds,
            OrderViews views, Ledger ledger, Payouts payouts, Accounts accounts, AuditTrail auditTrail,
            SecurityEvents audit, BillingProperties billing, TransactionTemplate tx) {
        this.orders = orders;
        this.payments = payments;
        this.refundRows = refundRows;
        this.refunds = refunds;
        this.views = views;
        this.ledger = ledger;
        this.payouts = payouts;
        this.accounts = accounts;
        this.auditTrail = auditTrail;
        this.audit = audit;
        this.billing = billing;
        this.tx = tx;
    }

    public Page<Row> search(Filter filter, Pageable pageable) {
        List<String> customers = filter.email() == null || filter.email().isBlank() ? null
                : accounts.idsWithEmailPrefix(filter.email().trim(), EMAIL_MATCHES);
        Specification<CustomerOrder> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (customers != null) {
                where.add(customers.isEmpty() ? cb.disjunction() : root.get("customerId").in(customers));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"),
                        filter.from().atStartOfDay(billing.timeZone()).toInstant()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("createdAt"),
                        filter.to().plusDays(1).atStartOfDay(billing.timeZone()).toInstant()));
            }
            if (filter.minTotal() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("total"), filter.minTotal()));
            }
            if (filter.maxTotal() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("total"), filter.maxTotal()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return tx.execute(status -> orders.findAll(spec, pageable).map(this::row));
    }

    private Row row(CustomerOrder o) {
        Optional<Accounts.Contact> contact = accounts.contact(o.customerId());
        BigDecimal refunded = refundRows.findByOrderIdOrderByCreatedAt(o.id()).stream()
                .filter(r -> r.status() == Refund.Status.SUCCEEDED).map(Refund::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Row(o.id(), o.status(), o.customerId(), contact.map(Accounts.Contact::fullName).orElse(null),
                contact.map(Accounts.Contact::email).orElse(null), Money.of(o.total(), o.currency()),
                Money.of(refunded, o.currency()), o.createdAt(), o.paidAt());
    }

    public Story story(String orderId) {
        return tx.execute(status -> {
            CustomerOrder o = orders.findById(orderId).orElseThrow(() -> ApiException.notFound("No such order."));
            Optional<Accounts.Contact> contact = accounts.contact(o.customerId());
            return new Story(views.of(o), new Customer(o.customerId(),
                    contact.map(Accounts.Contact::fullName).orElse(null),
                    contact.map(Accounts.Contact::email).orElse(null)), o.installerId(),
                    payments.findByOrderIdOrderByCreatedAt(orderId).stream().map(p -> new PaymentRow(p.id(),
                            p.provider(), p.status().name(), Money.of(p.amount(), p.currency()), p.createdAt(),
                            p.updatedAt())).toList(),
                    ledger.entriesOf(orderId).stream().map(e -> new LedgerRow(e.id(), e.kind().name(),
                            e.from().name(), e.to().name(), Money.of(e.amount(), e.currency()), e.reference(),
                            e.createdAt())).toList(),
                    payouts.ofOrder(orderId).orElse(null), auditTrail.aboutOrder(orderId, 100));
        });
    }

    /**
     * An admin's refund of part or all of what is left of an order, once per idempotency key: the order row is
     * locked first, so concurrent requests (a double click, a retry) see each other, and the same key returns
     * the refund it opened. Audited.
     */
    public RefundOutcome refund(String adminId, String orderId, Money amount, String note, String idempotencyKey) {
        // ':' cannot occur in a client's key, so an admin's key never collides with the ones the system uses.
        String key = "admin:" + idempotencyKey;
        return tx.execute(status -> {
            CustomerOrder order = orders.lockById(orderId).orElseThrow(() -> ApiException.notFound("No such order."));
            Optional<Refund> earlier = refundRows.findByOrderIdAndIdempotencyKey(orderId, key);
            if (earlier.isPresent()) {
                if (earlier.get().amount().compareTo(amount.value()) != 0
                        || !earlier.get().currency().equals(amount.currency())) {
                    throw ApiException.conflict("idempotency_key_reused",
                            "This Idempotency-Key was used for a different refund.");
                }
                return new RefundOutcome(view(earlier.get()), false);
            }
            if (!amount.currency().equals(order.currency())) {
                throw ApiException.badRequest("currency_mismatch", "The order was paid in " + order.currency() + ".");
            }
            BigDecimal value = amount.value();
            if (payments.findByOrderIdAndStatus(orderId, Payment.Status.SUCCEEDED).isEmpty()) {
                throw ApiException.conflict("invalid_state", "The order has not been paid.");
            }
            Refund refund = refunds.open(order, value, RefundIssued.Reason.ADMIN, note, adminId, key)
                    .orElseThrow(() -> ApiException.validation("amount.amount", "must be more than 0"));
            audit.publish("REFUND_ISSUED", adminId, SecurityEvent.Outcome.SUCCESS, Map.of("orderId", orderId,
                    "refundId", refund.id(), "amount", value.toPlainString(), "currency", order.currency()));
            return new RefundOutcome(view(refund), true);
        });
    }

    private static OrderView.RefundView view(Refund r) {
        return new OrderView.RefundView(r.id(), Money.of(r.amount(), r.currency()), r.status().name(),
                r.reason().name(), r.createdAt(), r.settledAt());
    }
}
