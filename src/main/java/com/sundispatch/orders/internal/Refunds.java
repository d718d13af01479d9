package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.billing.Invoicing;
import com.sundispatch.billing.Ledger;
import com.sundispatch.orders.RefundIssued;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.Money;

/**
 * Refunds: opened inside the transaction that decided them (with their credit note and {@link RefundIssued}),
 * then executed through the provider that took the payment by a durable listener. The refund id is the
 * provider's idempotency key, so a redelivered event, a retry after a timeout or a restart never refunds twice;
 * the settlement is a conditional update from PENDING, so the provider's answer, its webhook and the
 * reconciliation settle it exactly once, and only then is the money booked out of the ledger.
 */
@Service
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final Invoicing invoicing;
    private final Ledger ledger;
    private final PaymentProviders providers;
    private final ApplicationEventPublisher events;
    private final SecurityEvents audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Refunds(RefundRepository refunds, PaymentRepository payments, Invoicing invoicing, Ledger ledger,
            PaymentProviders providers, ApplicationEventPublisher events, SecurityEvents audit, TransactionTemplate tx,
            Clock clock) {
        this.refunds = refunds;
        this.payments = payments;
        this.invoicing = invoicing;
        this.ledger = ledger;
        this.providers = providers;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Opens a refund of {@code amount} of the order in the caller's transaction; the caller holds the order's row
     * lock, so two refunds of one order never both see the same balance. Nothing when the amount is zero.
     * 409 {@code refund_exceeds_balance} when no successful payment of the order has that much left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Refund> open(CustomerOrder order, BigDecimal amount, RefundIssued.Reason reason, String note,
            String requestedBy, String idempotencyKey) {
        if (amount.signum() <= 0) {
            return Optional.empty();
        }
        Payment payment = payments.findByOrderIdAndStatus(order.id(), Payment.Status.SUCCEEDED).stream()
                .filter(p -> refundable(p).compareTo(amount) >= 0).findFirst()
                .orElseThrow(() -> ApiException.conflict("refund_exceeds_balance",
                        "That is more than what is left to refund on this order."));
        return Optional.of(open(order, payment, amount, reason, note, requestedBy, idempotencyKey));
    }

    /** Opens a refund of one payment (a payment that arrived for an order no longer awaiting it). */
    @Transactional(propagation = Propagation.MANDATORY)
    Refund open(CustomerOrder order, Payment payment, BigDecimal amount, RefundIssued.Reason reason, String note,
            String requestedBy, String idempotencyKey) {
        Instant now = clock.instant();
        Refund refund = refunds.saveAndFlush(new Refund(UUID.randomUUID().toString(), order.id(), payment.id(),
                amount, payment.currency(), reason, note, requestedBy, idempotencyKey, now));
        // A payment that arrived too late (or twice) was never invoiced, so there is nothing to credit; orders paid
        // before invoices existed (0.11.0 and earlier) have no invoice either. The refund goes out all the same.
        boolean invoiced = reason != RefundIssued.Reason.LATE_PAYMENT && invoicing.documentsOf(order.id()).stream()
                .anyMatch(d -> d.type() == Invoicing.Type.INVOICE);
        String creditNoteId = invoiced ? invoicing.issueCreditNote(new Invoicing.CreditNoteDraft(order.id(),
                order.customerId(), refund.id(), amount, payment.currency(), reason.name().toLowerCase(Locale.ROOT),
                now)).id() : null;
        events.publishEvent(new RefundIssued(EventIds.next(), order.id(), order.customerId(), refund.id(),
                Money.of(amount, payment.currency()), reason, creditNoteId, now));
        log.info("Refund {} of {} {} opened for order {} ({})", refund.id(), amount, payment.currency(), order.id(),
                reason);
        return refund;
    }

    /** What is left to refund of the order across its successful payments. */
    BigDecimal refundable(String orderId) {
        return payments.findByOrderIdAndStatus(orderId, Payment.Status.SUCCEEDED).stream().map(this::refundable)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal refundable(Payment payment) {
        BigDecimal taken = refunds.findByOrderIdOrderByCreatedAt(payment.orderId()).stream()
                .filter(r -> r.paymentId().equals(payment.id()) && r.status() != Refund.Status.FAILED)
                .map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return payment.amount().subtract(taken);
    }

    List<Refund> of(String orderId) {
        return refunds.findByOrderIdOrderByCreatedAt(orderId);
    }

    /** Executes the refund through the provider once its transaction committed; redelivered until it is done. */
    @ApplicationModuleListener
    void on(RefundIssued event) {
        execute(event.refundId());
    }

    /**
     * Asks the provider to refund, unless the refund is settled or the provider already accepted it (then its
     * webhook or the reconciliation finishes it). A temporary failure throws, so the event is redelivered; the
     * provider's refusal fails the refund for admins to see.
     */
    void execute(String refundId) {
        Refund refund = refunds.findById(refundId).orElse(null);
        if (refund == null || refund.status() != Refund.Status.PENDING || refund.providerReference() != null) {
            return;
        }
        Payment payment = payments.findById(refund.paymentId()).orElseThrow();
        PaymentProvider provider = providers.of(payment.provider());
        PaymentProvider.RefundResult result;
        try {
            result = provider.refund(new PaymentProvider.RefundRequest(refund.id(), payment.id(),
                    payment.providerReference(), payment.chargeReference(), refund.amount(), refund.currency(),
                    refund.reason().name()));
        } catch (PaymentProviderException e) {
            refunds.attempted(refundId);
            if (e.retryable()) {
                log.warn("Refund {} could not reach the provider (will retry): {}", refundId, e.getMessage());
                throw e;
            }
            result = new PaymentProvider.RefundResult(null, PaymentProvider.State.FAILED, e.code());
        }
        settle(refundId, result);
    }

    /** Applies the provider's word on a refund (its answer, webhook or status); true when this call settled it. */
    boolean settle(String refundId, PaymentProvider.RefundResult result) {
        Boolean settled = tx.execute(status -> {
            Refund refund = refunds.findById(refundId).orElse(null);
            if (refund == null) {
                return false;
            }
            Instant now = clock.instant();
            switch (result.state()) {
                case PENDING -> {
                    if (result.providerReference() != null) {
                        refunds.accepted(refundId, result.providerReference());
                    }
                    return false;
                }
                case SUCCEEDED -> {
                    if (refunds.settle(refundId, Refund.Status.SUCCEEDED, result.providerReference(), null, now) != 1) {
                        return false;
                    }
                    bookOut(refund);
                    return true;
                }
                default -> {
                    if (refunds.settle(refundId, Refund.Status.FAILED, result.providerReference(),
                            result.failureCode() == null ? "failed" : truncate(result.failureCode()), now) != 1) {
                        return false;
                    }
                    audit.publish("REFUND_FAILED", refund.requestedBy(), SecurityEvent.Outcome.FAILURE,
                            Map.of("refundId", refundId, "orderId", refund.orderId(), "code",
                                    result.failureCode() == null ? "failed" : truncate(result.failureCode())));
                    log.error("Refund {} of order {} failed at the provider: {}", refundId, refund.orderId(),
                            result.failureCode());
                    return true;
                }
            }
        });
        return Boolean.TRUE.equals(settled);
    }

    /**
     * The refunded money leaves the ledger: out of what is still held for the order, and once that is gone (the
     * installer was paid) out of the platform's own account.
     */
    private void bookOut(Refund refund) {
        BigDecimal held = ledger.balances(refund.orderId()).getOrDefault(Ledger.Account.HELD, BigDecimal.ZERO);
        BigDecimal fromHeld = held.max(BigDecimal.ZERO).min(refund.amount());
        BigDecimal fromPlatform = refund.amount().subtract(fromHeld);
        if (fromHeld.signum() > 0) {
            ledger.record(new Ledger.Movement(refund.orderId(), Ledger.Kind.REFUND, Ledger.Account.HELD, fromHeld,
                    refund.currency(), refund.id()));
        }
        if (fromPlatform.signum() > 0) {
            ledger.record(new Ledger.Movement(refund.orderId(), Ledger.Kind.REFUND, Ledger.Account.PLATFORM,
                    fromPlatform, refund.currency(), refund.id() + "-platform"));
        }
    }

    /** Refunds the provider accepted but has not confirmed after {@code after}: asked again. */
    int reconcile(Instant before) {
        int settled = 0;
        for (String id : refunds.findStale(Refund.Status.PENDING, before, PageRequest.of(0, 100))) {
            Refund refund = refunds.findById(id).orElse(null);
            if (refund == null) {
                continue;
            }
            try {
                if (refund.providerReference() == null) {
                    execute(id);
                } else {
                    Payment payment = payments.findById(refund.paymentId()).orElseThrow();
                    if (settle(id, providers.of(payment.provider()).refundStatus(refund.providerReference()))) {
                        settled++;
                    }
                }
            } catch (PaymentProviderException e) {
                log.warn("Refund {} still pending: the provider could not be asked ({})", id, e.getMessage());
            }
        }
        return settled;
    }

    private static String truncate(String code) {
        return code.length() > 60 ? code.substring(0, 60) : code;
    }
}
