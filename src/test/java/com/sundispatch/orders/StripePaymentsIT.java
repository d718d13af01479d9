package com.sundispatch.orders;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sundispatch.orders.internal.PaymentService;
import com.sundispatch.shared.WebhookSignature;
import com.sundispatch.support.Api;
import com.sundispatch.support.FakeStripe;
import com.sundispatch.support.FakeStripe.SignedEvent;
import com.sundispatch.support.IntegrationTest;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with {@code sundispatch.payments.provider=stripe}, talking to a protocol-faithful Stripe
 * fake on loopback: the customer pays on "Stripe's page" and Stripe's signed webhook marks the order paid; a
 * cancellation refunds at Stripe exactly once; a webhook that never arrived is made good by reconciliation.
 */
class StripePaymentsIT extends IntegrationTest {

    /** The sandbox's secret of the test profile: switched off here, it must open nothing. */
    private static final byte[] SANDBOX_SECRET = "test-fixture-webhook-0123456789-abcdefghijklm"
            .getBytes(StandardCharsets.UTF_8);

    private static final FakeStripe STRIPE = FakeStripe.shared();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("sundispatch.payments.provider", () -> "stripe");
        registry.add("sundispatch.payments.stripe.api-base-url", STRIPE::baseUrl);
        registry.add("sundispatch.payments.stripe.secret-key", () -> FakeStripe.SECRET_KEY);
        registry.add("sundispatch.payments.stripe.webhook-secret", () -> FakeStripe.WEBHOOK_SECRET);
    }

    @Autowired
    private PaymentService paymentService;

    private record Placed(String email, String access, String orderId, String paymentId, String session,
            String total) {
    }

    private Placed orderWithStripePayment() {
        String panel = createPanel(10, "100.00");
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        Api.Response placed = placeOrder(access, panel, 2);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().path("id").asString();
        Api.Response pay = api.post("/api/v1/orders/" + orderId + "/payments", null, access);
        assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
        String paymentId = pay.json().path("paymentId").asString();
        String session = STRIPE.sessionOfPayment(paymentId);
        assertThat(session).as("the Checkout Session at Stripe").isNotNull();
        assertThat(pay.json().path("checkoutUrl").asString())
                .isEqualTo("https://checkout.stripe.com/c/pay/" + session);
        return new Placed(email, access, orderId, paymentId, session,
                pay.json().path("amount").path("amount").asString());
    }

    private Api.Response deliver(SignedEvent event) {
        return api.send("POST", "/api/v1/payments/webhook", event.text(), null,
                Map.of("Stripe-Signature", event.signature()));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private Api.Response order(Placed p) {
        return api.get("/api/v1/orders/" + p.orderId(), p.access());
    }

    private Placed paidOrder() {
        Placed p = orderWithStripePayment();
        STRIPE.pay(p.session());
        assertThat(deliver(STRIPE.event("checkout.session.completed", p.session(), now())).status()).isEqualTo(200);
        assertThat(order(p).json().path("status").asString()).isEqualTo("PAID");
        return p;
    }

    private List<ObjectNode> refundsAtStripe(Placed p) {
        return STRIPE.refunds().stream()
                .filter(r -> p.paymentId().equals(r.path("metadata").path("payment_id").asString(null))).toList();
    }

    @Test
    void startingAPaymentCreatesACheckoutSessionInTestModeForTheOrdersTotal() {
        Placed p = orderWithStripePayment();
        Api.Response again = api.post("/api/v1/orders/" + p.orderId() + "/payments", null, p.access());
        assertThat(again.json().path("provider").asString()).isEqualTo("stripe");
        assertThat(again.json().path("testMode").asBoolean()).isTrue();
        assertThat(again.json().path("status").asString()).isEqualTo("REQUIRES_CONFIRMATION");
        assertThat(again.json().path("paymentId").asString()).isEqualTo(p.paymentId());

        List<FakeStripe.Request> creates = STRIPE.requests("POST /v1/checkout/sessions").stream()
                .filter(r -> p.paymentId().equals(r.header("idempotency-key"))).toList();
        assertThat(creates).isNotEmpty();
        String cents = new BigDecimal(p.total()).movePointRight(2).toBigIntegerExact().toString();
        assertThat(creates.get(0).form()).containsEntry("line_items[0][price_data][unit_amount]", cents)
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("metadata[order_id]", p.orderId())
                .containsEntry("client_reference_id", p.orderId())
                .containsEntry("customer_email", p.email());
        assertThat(creates.get(0).form().get("success_url")).endsWith("/#/orders/" + p.orderId() + "?paid=1");
        // Asking again reuses the session: one session per payment at Stripe.
        assertThat(STRIPE.sessionOfPayment(p.paymentId())).isEqualTo(p.session());
    }

    @Test
    void theSignedCheckoutCompletedWebhookMarksTheOrderPaidOnce() {
        Placed p = orderWithStripePayment();
        int paidBefore = events.of(OrderPaid.class).size();
        STRIPE.pay(p.session());
        SignedEvent completed = STRIPE.event("checkout.session.completed", p.session(), now());

        assertThat(deliver(completed).status()).isEqualTo(200);
        assertThat(deliver(completed).status()).isEqualTo(200);

        assertThat(order(p).json().path("status").asString()).isEqualTo("PAID");
        assertThat(events.of(OrderPaid.class).stream().filter(e -> e.orderId().equals(p.orderId()))).hasSize(1);
        assertThat(events.of(OrderPaid.class)).hasSize(paidBefore + 1);
    }

    @Test
    void aWebhookWithAWrongSignatureOrStaleTimestampChangesNothing() {
        Placed p = orderWithStripePayment();
        STRIPE.pay(p.session());
        SignedEvent good = STRIPE.event("checkout.session.completed", p.session(), now());
        String forged = "t=" + now() + ",v1=" + FakeStripe.signature("whsec_attacker", now(), good.body());
        Api.Response refused = api.send("POST", "/api/v1/payments/webhook", good.text(), null,
                Map.of("Stripe-Signature", forged));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("invalid_signature");
        SignedEvent stale = STRIPE.event("checkout.session.completed", p.session(), now() - 600);
        assertThat(deliver(stale).code()).isEqualTo("invalid_signature");
        assertThat(order(p).json().path("status").asString()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void aCustomerCancellationRefundsAtStripeExactlyOnce() {
        Placed p = paidOrder();

        Api.Response cancelled = api.post("/api/v1/orders/" + p.orderId() + "/cancel", null, p.access());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");

        eventually("the refund settled", () -> "REFUNDED".equals(order(p).json().path("refundStatus").asString()));
        List<ObjectNode> refunds = refundsAtStripe(p);
        assertThat(refunds).hasSize(1);
        String cents = new BigDecimal(p.total()).movePointRight(2).toBigIntegerExact().toString();
        assertThat(refunds.get(0).get("amount").asString()).isEqualTo(cents);
        assertThat(refunds.get(0).get("payment_intent").asString())
                .isEqualTo(STRIPE.session(p.session()).get("payment_intent").asString());

        // Stripe's own refund webhooks, a reconciliation run and the same webhook again refund nothing more.
        String refundId = refunds.get(0).get("id").asString();
        SignedEvent updated = STRIPE.event("refund.updated", refundId, now());
        assertThat(deliver(STRIPE.event("refund.created", refundId, now())).status()).isEqualTo(200);
        assertThat(deliver(updated).status()).isEqualTo(200);
        assertThat(deliver(updated).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(11));
        paymentService.reconcile();
        assertThat(refundsAtStripe(p)).hasSize(1);
        assertThat(STRIPE.requests("POST /v1/refunds").stream()
                .filter(r -> p.paymentId().equals(r.form().get("metadata[payment_id]")))).hasSize(1);
        Api.Response after = order(p);
        assertThat(after.json().path("refundStatus").asString()).isEqualTo("REFUNDED");
        assertThat(after.json().path("refunded").path("amount").asString()).isEqualTo(p.total());
    }

    @Test
    void aPendingRefundIsSettledByStripesWebhook() {
        Placed p = paidOrder();
        STRIPE.nextRefundStatus("pending");
        try {
            api.post("/api/v1/orders/" + p.orderId() + "/cancel", null, p.access());
            eventually("the refund reached Stripe", () -> refundsAtStripe(p).size() == 1);
        } finally {
            STRIPE.nextRefundStatus("succeeded");
        }
        String refundId = refundsAtStripe(p).get(0).get("id").asString();
        eventually("Stripe accepted the refund",
                () -> "PENDING".equals(order(p).json().path("refundStatus").asString()));

        // The sandbox is not the provider here: an event signed with its secret settles nothing.
        String ourRefund = order(p).json().path("refunds").get(0).path("id").asString();
        String forged = "{\"id\":\"evt_sbx_forged\",\"type\":\"refund.succeeded\",\"paymentId\":\"x\","
                + "\"orderId\":\"" + p.orderId() + "\",\"refundId\":\"" + ourRefund + "\"}";
        Api.Response sandboxSigned = api.send("POST", "/api/v1/payments/webhook", forged, null, Map.of("X-Signature",
                WebhookSignature.header(SANDBOX_SECRET, now(), forged.getBytes(StandardCharsets.UTF_8))));
        assertThat(sandboxSigned.code()).isEqualTo("invalid_signature");
        assertThat(order(p).json().path("refundStatus").asString()).isEqualTo("PENDING");

        STRIPE.settleRefund(refundId, "succeeded");
        assertThat(deliver(STRIPE.event("refund.updated", refundId, now())).status()).isEqualTo(200);

        assertThat(order(p).json().path("refundStatus").asString()).isEqualTo("REFUNDED");
        assertThat(refundsAtStripe(p)).hasSize(1);
    }

    @Test
    void aLostWebhookIsSettledByReconciliation() {
        Placed p = orderWithStripePayment();
        STRIPE.pay(p.session());
        // The webhook never arrives. Too early for reconciliation: the payment is left alone.
        paymentService.reconcile();
        assertThat(order(p).json().path("status").asString()).isEqualTo("PENDING_PAYMENT");

        clock.advance(Duration.ofMinutes(11));
        paymentService.reconcile();

        assertThat(order(p).json().path("status").asString()).isEqualTo("PAID");
        assertThat(STRIPE.requests("GET /v1/checkout/sessions/" + p.session())).isNotEmpty();
        // The webhook arriving late changes nothing more.
        int paid = events.of(OrderPaid.class).size();
        assertThat(deliver(STRIPE.event("checkout.session.completed", p.session(), now())).status()).isEqualTo(200);
        assertThat(events.of(OrderPaid.class)).hasSize(paid);
    }

    @Test
    void stripeUnavailableWhenPayingIs502AndTheRetryCreatesOneSession() {
        String panel = createPanel(10, "100.00");
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        String orderId = placeOrder(access, panel, 1).json().path("id").asString();

        STRIPE.failNext(FakeStripe.Fault.ERROR, 1);
        Api.Response down = api.post("/api/v1/orders/" + orderId + "/payments", null, access);
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.code()).isEqualTo("payment_provider_error");

        Api.Response retried = api.post("/api/v1/orders/" + orderId + "/payments", null, access);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        String paymentId = retried.json().path("paymentId").asString();
        assertThat(STRIPE.requests("POST /v1/checkout/sessions").stream()
                .filter(r -> paymentId.equals(r.header("idempotency-key")))).hasSize(2);
        assertThat(STRIPE.sessionOfPayment(paymentId)).isNotNull();
    }
}
