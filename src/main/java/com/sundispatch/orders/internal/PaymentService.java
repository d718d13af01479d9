package com.sundispatch.orders.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.orders.OrderPaid;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.security.Secrets;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.Money;
import com.sundispatch.shared.PaymentsProperties;
import com.sundispatch.shared.WebhookSignature;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Payments of orders and the provider's webhook, which alone decides that an order is paid. */
@Service
public class PaymentService {

    public record PaymentView(String paymentId, String orderId, String status, String provider, String checkoutUrl,
            Money amount, boolean testMode, String notice) {
    }

    /** The outcome of one webhook delivery. */
    public enum WebhookOutcome {
        PROCESSED, ALREADY_PROCESSED
    }

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private static final Set<String> TYPES = Set.of("payment.succeeded", "payment.failed");
    private static final String ID = "[A-Za-z0-9_\\-]{1,100}";

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final ProcessedWebhookEventRepository processed;
    private final SandboxPaymentProvider provider;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final byte[] webhookSecret;
    private final boolean sandboxEnabled;
    private final JsonMapper json = JsonMapper.builder().build();

    PaymentService(OrderRepository orders, PaymentRepository payments, ProcessedWebhookEventRepository processed,
            SandboxPaymentProvider provider, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
            Secrets secrets, PaymentsProperties paymentsSettings) {
        this.sandboxEnabled = paymentsSettings.sandboxEnabled();
        this.orders = orders;
        this.payments = payments;
        this.processed = processed;
        this.provider = provider;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.webhookSecret = secrets.paymentWebhookSecret();
    }

    /** Starts (or returns the open) payment of an unpaid order of this customer. */
    public PaymentView start(String customerId, String orderId) {
        if (!sandboxEnabled) {
            // The sandbox is the only provider so far: with it off there is no way to pay, and silently falling
            // back to it would let customers mark orders paid with no money moving.
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "payments_unavailable",
                    "Online payment is not available at the moment. Please contact us to complete your order.");
        }
        return tx.execute(status -> {
            CustomerOrder order = orders.findOwned(orderId, customerId)
                    .orElseThrow(() -> ApiException.notFound("No such order."));
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                throw ApiException.conflict("invalid_state", order.status() == OrderStatus.CANCELLED
                        ? "The order is cancelled (its reservation may have expired)." : "The order is already paid.");
            }
            if (!clock.instant().isBefore(order.reservedUntil())) {
                throw ApiException.conflict("invalid_state", "The reservation of this order has expired.");
            }
            Payment payment = payments.findByOrderIdAndStatus(orderId, Payment.Status.REQUIRES_CONFIRMATION).stream()
                    .findFirst().orElseGet(() -> payments.save(new Payment(UUID.randomUUID().toString(), orderId,
                            provider.name(), order.total(), order.currency(), clock.instant())));
            return view(payment);
        });
    }

    /** The sandbox checkout's confirm button: the customer of the order confirms (or declines) it. */
    public PaymentView confirmSandbox(String customerId, String paymentId, boolean succeed) {
        if (!sandboxEnabled) {
            // 404, not 409: with the sandbox off its checkout does not exist in this deployment, for any payment
            // id, so the answer neither advertises a test feature nor tells payment ids apart.
            throw ApiException.notFound("No such payment.");
        }
        Payment payment = payments.findById(paymentId).orElseThrow(() -> ApiException.notFound("No such payment."));
        orders.findOwned(payment.orderId(), customerId).orElseThrow(() -> ApiException.notFound("No such payment."));
        if (payment.status() != Payment.Status.REQUIRES_CONFIRMATION) {
            throw ApiException.conflict("invalid_state", "This payment is already settled.");
        }
        SandboxPaymentProvider.SignedEvent event = provider.event(paymentId, payment.orderId(), succeed);
        handleWebhook(event.body(), event.signatureHeader());
        return view(payments.findById(paymentId).orElseThrow());
    }

    /**
     * Checks the signature over the raw body first and changes nothing unless it holds; then acts once per
     * event id (the id is stored in the same transaction as the change it causes).
     */
    public WebhookOutcome handleWebhook(byte[] body, String signatureHeader) {
        if (!WebhookSignature.verify(webhookSecret, signatureHeader, body, clock.instant())) {
            log.warn("Payment webhook refused: bad, missing or stale signature");
            throw ApiException.badRequest("invalid_signature", "The webhook signature is missing, wrong or stale.");
        }
        Event event = parse(body);
        try {
            Boolean acted = tx.execute(status -> {
                if (processed.existsById(event.id())) {
                    return false;
                }
                processed.saveAndFlush(new ProcessedWebhookEvent(event.id(), clock.instant()));
                apply(event);
                return true;
            });
            return Boolean.TRUE.equals(acted) ? WebhookOutcome.PROCESSED : WebhookOutcome.ALREADY_PROCESSED;
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            // The same event delivered twice at once: the other delivery stored the id (and acted). Anything
            // else is not a duplicate and must not be swallowed as one.
            if (processed.existsById(event.id())) {
                return WebhookOutcome.ALREADY_PROCESSED;
            }
            throw concurrentDuplicate;
        }
    }

    private void apply(Event event) {
        Payment payment = payments.findById(event.paymentId())
                .filter(p -> p.orderId().equals(event.orderId()))
                .orElseThrow(() -> ApiException.badRequest("invalid_event", "Unknown payment for this order."));
        Instant now = clock.instant();
        boolean succeeded = event.type().equals("payment.succeeded");
        if (payments.settle(payment.id(), succeeded ? Payment.Status.SUCCEEDED : Payment.Status.FAILED, now) != 1
                || !succeeded) {
            // Already settled by an earlier event (or a concurrent one): this event changes nothing more.
            return;
        }
        OrderStatus.Move paid = OrderStatus.PENDING_PAYMENT.to(OrderStatus.PAID, Actor.SYSTEM);
        if (orders.markPaid(event.orderId(), paid, now) == 1) {
            CustomerOrder order = orders.findById(event.orderId()).orElseThrow();
            var a = order.address();
            events.publishEvent(new OrderPaid(EventIds.next(), order.id(), order.customerId(), payment.id(),
                    Money.of(payment.amount(), payment.currency()), now, a.latitude(), a.longitude(),
                    a.preferredStart(), a.preferredEnd(), order.panelCount(), a.addressLine(), a.city(),
                    a.postalCode(), a.country(), null));
            log.info("Order {} paid", order.id());
        } else {
            // Paid after the reservation expired or the customer cancelled: the money must go back.
            orders.markRefundDue(event.orderId());
            log.warn("Payment {} succeeded for order {} that is no longer awaiting payment: refund due",
                    payment.id(), event.orderId());
        }
    }

    private Event parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            Event e = new Event(text(node, "id"), text(node, "type"), text(node, "paymentId"), text(node, "orderId"));
            if (!e.id().matches(ID) || !TYPES.contains(e.type()) || !e.paymentId().matches(ID)
                    || !e.orderId().matches(ID)) {
                throw new IllegalArgumentException();
            }
            return e;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("invalid_event", "The webhook body is not a valid payment event.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(field);
        }
        return v.asString();
    }

    private PaymentView view(Payment p) {
        return new PaymentView(p.id(), p.orderId(), p.status().name(), p.provider(),
                p.status() == Payment.Status.REQUIRES_CONFIRMATION ? "/sandbox-checkout#payment=" + p.id() : null,
                Money.of(p.amount(), p.currency()), provider.testMode(), SandboxPaymentProvider.NOTICE);
    }

    record Event(String id, String type, String paymentId, String orderId) {
    }
}
