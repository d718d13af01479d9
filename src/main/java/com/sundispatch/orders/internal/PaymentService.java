package com.sundispatch.orders.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.Invoicing;
import com.sundispatch.billing.Ledger;
import com.sundispatch.identity.Accounts;
import com.sundispatch.orders.OrderPaid;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.orders.RefundIssued;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.Money;
import com.sundispatch.shared.PaymentsProperties;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Payments of orders through the configured provider, and the provider's webhook, which alone (or the
 * reconciliation asking the provider the same question) decides that an order is paid. A successful payment is
 * captured into the ledger, where the platform holds it until the installation is confirmed, and the order's
 * invoice is issued in the same transaction.
 */
@Service
public class PaymentService {

    /**
     * {@code order}: what is paid for, so the provider's page (the sandbox's) can show it; only the read of a payment
     * carries it, starting and confirming one answer null (the customer's page already shows the order).
     */
    public record PaymentView(String paymentId, String orderId,
            @Schema(implementation = Payment.Status.class)
            String status,
            @Schema(allowableValues = { SandboxPaymentProvider.NAME, StripePaymentProvider.NAME })
            String provider,
            @Nullable String checkoutUrl,
            Money amount, boolean testMode, @Nullable String notice, @Nullable OrderSummary order) {
    }

    public record OrderSummary(String id, List<OrderView.Item> items, Money installationFee, OrderView.Tax tax,
            Money total) {
    }

    /** The outcome of one webhook delivery. */
    public enum WebhookOutcome {
        PROCESSED, ALREADY_PROCESSED, IGNORED
    }

    static final String TEST_MODE_NOTICE = "Test mode: no real money moves.";

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final ProcessedWebhookEventRepository processed;
    private final PaymentProviders providers;
    private final Refunds refunds;
    private final Invoicing invoicing;
    private final Ledger ledger;
    private final OrderViews views;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PaymentsProperties settings;
    private final BillingProperties billing;

    PaymentService(OrderRepository orders, PaymentRepository payments, ProcessedWebhookEventRepository processed,
            PaymentProviders providers, Refunds refunds, Invoicing invoicing, Ledger ledger, OrderViews views,
            Accounts accounts, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            PaymentsProperties settings, BillingProperties billing) {
        this.orders = orders;
        this.payments = payments;
        this.processed = processed;
        this.providers = providers;
        this.refunds = refunds;
        this.invoicing = invoicing;
        this.ledger = ledger;
        this.views = views;
        this.accounts = accounts;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.billing = billing;
    }

    /**
     * Starts (or returns the open) payment of an unpaid order of this customer. The payment row is stored first
     * and its id is the provider's idempotency key, so the provider is called outside any transaction and a retry
     * after a timeout gets the same payment at the provider, never a second one.
     */
    public PaymentView start(String customerId, String orderId) {
        PaymentProvider provider = providers.active();
        if (!provider.available()) {
            // With the sandbox off (production) and no real provider configured there is no way to pay; silently
            // falling back to the sandbox would let customers mark orders paid with no money moving.
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "payments_unavailable",
                    "Online payment is not available at the moment. Please contact us to complete your order.");
        }
        Payment payment = tx.execute(status -> {
            // Locked, so a double click opens one payment (and one session at the provider), not two.
            CustomerOrder order = orders.lockById(orderId).filter(o -> o.customerId().equals(customerId))
                    .orElseThrow(() -> ApiException.notFound("No such order."));
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                throw ApiException.conflict("invalid_state", order.status() == OrderStatus.CANCELLED
                        ? "The order is cancelled (its reservation may have expired)." : "The order is already paid.");
            }
            if (!clock.instant().isBefore(order.reservedUntil())) {
                throw ApiException.conflict("invalid_state", "The reservation of this order has expired.");
            }
            return payments.findByOrderIdAndStatus(orderId, Payment.Status.REQUIRES_CONFIRMATION).stream()
                    .filter(p -> p.provider().equals(provider.name())).findFirst()
                    .orElseGet(() -> payments.save(new Payment(UUID.randomUUID().toString(), orderId,
                            provider.name(), order.total(), order.currency(), clock.instant())));
        });
        if (payment.providerReference() == null) {
            PaymentProvider.Created created;
            try {
                created = provider.create(new PaymentProvider.PaymentRequest(payment.id(), orderId, payment.amount(),
                        payment.currency(), "SunDispatch order " + reference(orderId),
                        accounts.contact(customerId).map(Accounts.Contact::email).orElse(null)));
            } catch (PaymentProviderException e) {
                log.warn("Payment {} could not be created at {}: {}", payment.id(), provider.name(), e.getMessage());
                throw new ApiException(HttpStatus.BAD_GATEWAY, "payment_provider_error",
                        "The payment provider could not be reached. Please try again in a moment.");
            }
            tx.executeWithoutResult(status -> payments.created(payment.id(), created.providerReference(),
                    created.checkoutUrl(), clock.instant()));
        }
        return view(payments.findById(payment.id()).orElseThrow(), null);
    }

    /** One payment of the caller's, with what it pays for (the provider's checkout page shows it). */
    public PaymentView get(String customerId, String paymentId) {
        return tx.execute(status -> {
            Payment payment = payments.findById(paymentId).orElseThrow(() -> ApiException.notFound("No such payment."));
            CustomerOrder order = orders.findOwned(payment.orderId(), customerId)
                    .orElseThrow(() -> ApiException.notFound("No such payment."));
            OrderView o = views.of(order);
            return view(payment, new OrderSummary(o.id(), o.items(), o.installationFee(), o.tax(), o.total()));
        });
    }

    /** The sandbox checkout's confirm button: the customer of the order confirms (or declines) it. */
    public PaymentView confirmSandbox(String customerId, String paymentId, boolean succeed) {
        Payment payment = payments.findById(paymentId).orElse(null);
        if (!settings.sandboxActive() || payment == null || !payment.provider().equals(SandboxPaymentProvider.NAME)) {
            // 404, not 409: with the sandbox off its checkout does not exist in this deployment, for any payment
            // id, so the answer neither advertises a test feature nor tells payment ids apart.
            throw ApiException.notFound("No such payment.");
        }
        orders.findOwned(payment.orderId(), customerId).orElseThrow(() -> ApiException.notFound("No such payment."));
        if (payment.status() != Payment.Status.REQUIRES_CONFIRMATION) {
            throw ApiException.conflict("invalid_state", "This payment is already settled.");
        }
        SandboxPaymentProvider sandbox = (SandboxPaymentProvider) providers.of(SandboxPaymentProvider.NAME);
        SandboxPaymentProvider.SignedEvent event = sandbox.event(paymentId, payment.orderId(), succeed);
        handleWebhook(event.body(), Map.of("x-signature", event.signatureHeader()));
        return view(payments.findById(paymentId).orElseThrow(), null);
    }

    /**
     * Checks the signature over the raw body first and changes nothing unless it holds (the provider is told
     * apart by its signature header); then acts once per event id (the id is stored in the same transaction as
     * the change it causes). {@code headers} have lower-case names.
     */
    public WebhookOutcome handleWebhook(byte[] body, Map<String, String> headers) {
        PaymentProvider provider = headers.containsKey("stripe-signature") ? providers.of("stripe")
                : providers.of(SandboxPaymentProvider.NAME);
        PaymentProvider.Event event = provider.verifyAndParse(body, headers);
        if (event.type() == PaymentProvider.EventType.IGNORED) {
            return WebhookOutcome.IGNORED;
        }
        // Sandbox event ids were stored bare before other providers existed; the others are namespaced.
        String key = provider.name().equals(SandboxPaymentProvider.NAME) ? event.id() : provider.name() + ":" + event.id();
        try {
            Boolean acted = tx.execute(status -> {
                if (processed.existsById(key)) {
                    return false;
                }
                processed.saveAndFlush(new ProcessedWebhookEvent(key, clock.instant()));
                apply(event, provider);
                return true;
            });
            return Boolean.TRUE.equals(acted) ? WebhookOutcome.PROCESSED : WebhookOutcome.ALREADY_PROCESSED;
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            // The same event delivered twice at once: the other delivery stored the id (and acted). Anything
            // else is not a duplicate and must not be swallowed as one.
            if (processed.existsById(key)) {
                return WebhookOutcome.ALREADY_PROCESSED;
            }
            throw concurrentDuplicate;
        }
    }

    private void apply(PaymentProvider.Event event, PaymentProvider provider) {
        switch (event.type()) {
            case PAYMENT_SUCCEEDED, PAYMENT_FAILED -> {
                Payment payment = payments.findById(event.paymentId())
                        .filter(p -> p.orderId().equals(event.orderId()) && p.provider().equals(provider.name()))
                        .filter(p -> p.providerReference() == null || event.providerReference() == null
                                || p.providerReference().equals(event.providerReference()))
                        .orElseThrow(() -> ApiException.badRequest("invalid_event", "Unknown payment for this order."));
                if (event.type() == PaymentProvider.EventType.PAYMENT_SUCCEEDED) {
                    succeeded(payment, event.chargeReference());
                } else {
                    payments.settle(payment.id(), Payment.Status.FAILED, null, clock.instant());
                }
            }
            case REFUND_SUCCEEDED, REFUND_FAILED -> {
                if (event.refundId() == null) {
                    // A refund made outside SunDispatch (the provider's dashboard): nothing of ours to settle.
                    log.warn("Refund event {} names no refund of ours; ignored", event.id());
                    return;
                }
                // Found by our refund id; an order id, when the event names one, must be the refund's own, the
                // refund must be of a payment this provider took, and a provider reference already known must match.
                boolean ours = refunds.find(event.refundId()).filter(r -> event.orderId() == null
                        || r.orderId().equals(event.orderId()))
                        .filter(r -> r.providerReference() == null || event.providerReference() == null
                                || r.providerReference().equals(event.providerReference()))
                        .filter(r -> payments.findById(r.paymentId())
                                .filter(p -> p.provider().equals(provider.name())).isPresent())
                        .isPresent();
                if (!ours) {
                    throw ApiException.badRequest("invalid_event", "Unknown refund for this order.");
                }
                refunds.settle(event.refundId(), new PaymentProvider.RefundResult(event.providerReference(),
                        event.type() == PaymentProvider.EventType.REFUND_SUCCEEDED ? PaymentProvider.State.SUCCEEDED
                                : PaymentProvider.State.FAILED, event.failureCode()));
            }
            default -> {
            }
        }
    }

    /**
     * A payment succeeded (once: the settlement is conditional). The money is captured into the ledger; an order
     * still awaiting it becomes PAID with its invoice, and any other order (cancelled, expired, or paid twice)
     * gets the money back at once.
     */
    private void succeeded(Payment payment, String chargeReference) {
        Instant now = clock.instant();
        if (payments.settle(payment.id(), Payment.Status.SUCCEEDED, chargeReference, now) != 1) {
            return;
        }
        ledger.record(Ledger.Movement.of(payment.orderId(), Ledger.Kind.CAPTURE, payment.amount(),
                payment.currency(), payment.id()));
        CustomerOrder order = orders.lockById(payment.orderId()).orElseThrow();
        OrderStatus.Move paid = OrderStatus.PENDING_PAYMENT.to(OrderStatus.PAID, Actor.SYSTEM);
        if (order.status() == OrderStatus.PENDING_PAYMENT && orders.markPaid(order.id(), paid, now) == 1) {
            Invoicing.Document invoice = invoicing.issueInvoice(invoiceDraft(order, now));
            var a = order.address();
            events.publishEvent(new OrderPaid(EventIds.next(), order.id(), order.customerId(), payment.id(),
                    Money.of(payment.amount(), payment.currency()), now, a.latitude(), a.longitude(),
                    a.preferredStart(), a.preferredEnd(), order.panelCount(), a.addressLine(), a.city(),
                    a.postalCode(), a.country(), invoice.id()));
            log.info("Order {} paid; invoice {}", order.id(), invoice.number());
        } else {
            // Paid after the reservation expired, after the customer cancelled, or a second time: it goes back.
            orders.markRefundDue(order.id());
            refunds.open(order, payments.findById(payment.id()).orElseThrow(), payment.amount(),
                    RefundIssued.Reason.LATE_PAYMENT, null, null, "late-" + payment.id());
            log.warn("Payment {} succeeded for order {} that is no longer awaiting payment: refunded",
                    payment.id(), order.id());
        }
    }

    private Invoicing.InvoiceDraft invoiceDraft(CustomerOrder order, Instant now) {
        var a = order.address();
        String name = accounts.contact(order.customerId()).map(Accounts.Contact::fullName).orElse("");
        List<Invoicing.Line> lines = new ArrayList<>();
        order.lines().forEach(l -> lines.add(new Invoicing.Line(l.panelName(), l.quantity(), l.unitPrice(),
                OrderPricing.lineTotal(l.quantity(), l.unitPrice()))));
        if (order.installationFee().signum() > 0) {
            lines.add(new Invoicing.Line("Installation / Montage", 1, order.installationFee(),
                    order.installationFee()));
        }
        return new Invoicing.InvoiceDraft(order.id(), order.customerId(), new Invoicing.Buyer(name, a.addressLine(),
                a.postalCode(), a.city(), a.country()), order.currency(), OrderViews.tax(order, billing).rate(), lines,
                now);
    }

    /**
     * Asks the provider about payments still awaiting confirmation after {@code reconcile-after} (within the last
     * two days; older ones have long expired at the provider) and pending refunds, and settles them as their
     * webhooks would have. Returns how many it settled.
     */
    public int reconcile() {
        Instant now = clock.instant();
        Instant before = now.minus(settings.reconcileAfter());
        int settled = 0;
        for (String id : payments.findStale(Payment.Status.REQUIRES_CONFIRMATION, before,
                now.minus(Duration.ofDays(2)), PageRequest.of(0, 100))) {
            Payment payment = payments.findById(id).orElse(null);
            if (payment == null) {
                continue;
            }
            PaymentProvider.PaymentStatus status;
            try {
                status = providers.of(payment.provider()).paymentStatus(payment.providerReference());
            } catch (PaymentProviderException | IllegalStateException e) {
                log.warn("Payment {} still pending: the provider could not be asked ({})", id, e.getMessage());
                continue;
            }
            Boolean changed = switch (status.state()) {
                case SUCCEEDED -> tx.execute(s -> {
                    succeeded(payment, status.chargeReference());
                    return true;
                });
                case FAILED -> tx.execute(s -> payments.settle(id, Payment.Status.FAILED, null, clock.instant()) == 1);
                default -> false;
            };
            if (Boolean.TRUE.equals(changed)) {
                settled++;
                log.info("Payment {} settled by reconciliation: {}", id, status.state());
            }
        }
        return settled + refunds.reconcile(before);
    }

    private PaymentView view(Payment p, OrderSummary order) {
        boolean testMode = providers.of(p.provider()).testMode();
        String checkoutUrl = p.checkoutUrl() != null ? p.checkoutUrl()
                : SandboxPaymentProvider.NAME.equals(p.provider()) ? "/sandbox-checkout#payment=" + p.id() : null;
        return new PaymentView(p.id(), p.orderId(), p.status().name(), p.provider(),
                p.status() == Payment.Status.REQUIRES_CONFIRMATION ? checkoutUrl : null,
                Money.of(p.amount(), p.currency()), testMode,
                !testMode ? null : SandboxPaymentProvider.NAME.equals(p.provider()) ? SandboxPaymentProvider.NOTICE
                        : TEST_MODE_NOTICE, order);
    }

    /** How an order is named to people: the first eight characters of its id. */
    static String reference(String orderId) {
        return orderId.substring(0, Math.min(8, orderId.length())).toUpperCase(Locale.ROOT);
    }
}
