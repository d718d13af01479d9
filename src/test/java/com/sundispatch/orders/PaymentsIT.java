package com.sundispatch.orders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.sundispatch.shared.WebhookSignature;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox provider and the signed webhook, which alone can mark an order paid. */
class PaymentsIT extends IntegrationTest {

    /** The test fixture secret from application-test.yml: the tests play the payment provider. */
    private static final byte[] SECRET = "test-fixture-webhook-0123456789-abcdefghijklm".getBytes(StandardCharsets.UTF_8);

    private record Placed(String access, String orderId, String paymentId, String panel, String email) {
    }

    private Placed orderAwaitingPayment() {
        String panel = createPanel(10, "100.00");
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        String orderId = placeOrder(access, panel, 2).json().path("id").asString();
        Api.Response pay = api.post("/api/v1/orders/" + orderId + "/payments", null, access);
        assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
        return new Placed(access, orderId, pay.json().path("paymentId").asString(), panel, email);
    }

    private Api.Response webhook(String body, String signature) {
        return api.send("POST", "/api/v1/payments/webhook", body, null,
                signature == null ? Map.of() : Map.of("X-Signature", signature));
    }

    private String event(String id, String type, Placed p) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"paymentId\":\"" + p.paymentId()
                + "\",\"orderId\":\"" + p.orderId() + "\"}";
    }

    private String sign(String body, long t) {
        return WebhookSignature.header(SECRET, t, body.getBytes(StandardCharsets.UTF_8));
    }

    private String status(Placed p) {
        return api.get("/api/v1/orders/" + p.orderId(), p.access()).json().path("status").asString();
    }

    @Test
    void startPaymentSaysItIsTheSandbox() {
        Placed p = orderAwaitingPayment();
        Api.Response again = api.post("/api/v1/orders/" + p.orderId() + "/payments", null, p.access());
        assertThat(again.json().path("provider").asString()).isEqualTo("sandbox");
        assertThat(again.json().path("status").asString()).isEqualTo("REQUIRES_CONFIRMATION");
        assertThat(again.json().path("testMode").asBoolean()).isTrue();
        assertThat(again.json().path("notice").asString()).contains("no money");
        assertThat(again.json().path("checkoutUrl").asString()).contains(p.paymentId());
        assertThat(again.json().path("amount").path("amount").asString()).isEqualTo("780.00");
        assertThat(again.json().path("paymentId").asString()).isEqualTo(p.paymentId());
    }

    @Test
    void sandboxConfirmSendsASignedWebhookAndTheOrderIsPaidOnce() {
        Placed p = orderAwaitingPayment();
        int paidBefore = events.of(OrderPaid.class).size();
        Api.Response confirmed = api.post("/api/v1/payments/sandbox/" + p.paymentId() + "/confirm",
                Map.of("outcome", "succeeded"), p.access());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(confirmed.json().path("provider").asString()).isEqualTo("sandbox");
        assertThat(status(p)).isEqualTo("PAID");
        assertThat(events.of(OrderPaid.class)).hasSize(paidBefore + 1);
        OrderPaid paid = events.of(OrderPaid.class).get(paidBefore);
        assertThat(paid.orderId()).isEqualTo(p.orderId());
        assertThat(paid.panelCount()).isEqualTo(2);
        assertThat(api.post("/api/v1/payments/sandbox/" + p.paymentId() + "/confirm", Map.of(), p.access()).code())
                .isEqualTo("invalid_state");
        assertThat(api.post("/api/v1/orders/" + p.orderId() + "/payments", null, p.access()).code())
                .isEqualTo("invalid_state");
    }

    @Test
    void concurrentConfirmationsOfOnePaymentPayOnceAndOweNoRefund() throws Exception {
        Placed p = orderAwaitingPayment();
        int paidBefore = events.of(OrderPaid.class).size();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return api.post("/api/v1/payments/sandbox/" + p.paymentId() + "/confirm", Map.of(), p.access());
            }));
        }
        go.countDown();
        for (var f : answers) {
            assertThat(f.get().status()).isIn(200, 409);
        }
        pool.shutdown();
        Api.Response order = api.get("/api/v1/orders/" + p.orderId(), p.access());
        assertThat(order.json().path("status").asString()).isEqualTo("PAID");
        assertThat(order.json().path("refundDue").asBoolean()).isFalse();
        assertThat(events.of(OrderPaid.class)).hasSize(paidBefore + 1);
    }

    @Test
    void sandboxDeclineLeavesTheOrderUnpaid() {
        Placed p = orderAwaitingPayment();
        Api.Response declined = api.post("/api/v1/payments/sandbox/" + p.paymentId() + "/confirm",
                Map.of("outcome", "failed"), p.access());
        assertThat(declined.json().path("status").asString()).isEqualTo("FAILED");
        assertThat(status(p)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void sandboxConfirmOfSomeoneElsesPaymentIs404() {
        Placed p = orderAwaitingPayment();
        Tokens other = newCustomerSession();
        assertThat(api.post("/api/v1/payments/sandbox/" + p.paymentId() + "/confirm", Map.of(), other.access())
                .status()).isEqualTo(404);
        assertThat(status(p)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void webhookWithGoodSignatureMarksPaidAndTheSameEventTwiceChangesNothing() {
        Placed p = orderAwaitingPayment();
        String body = event("evt_" + UUID.randomUUID().toString().replace("-", ""), "payment.succeeded", p);
        String sig = sign(body, clock.instant().getEpochSecond());
        int paidBefore = events.of(OrderPaid.class).size();
        Api.Response first = webhook(body, sig);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(status(p)).isEqualTo("PAID");
        Api.Response replay = webhook(body, sig);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("status").asString()).isEqualTo("already_processed");
        assertThat(events.of(OrderPaid.class)).hasSize(paidBefore + 1);
    }

    @Test
    void webhookWithBadOrMissingSignatureIs400AndNothingChanges() {
        Placed p = orderAwaitingPayment();
        String body = event("evt_bad_" + UUID.randomUUID().toString().substring(0, 8), "payment.succeeded", p);
        long now = clock.instant().getEpochSecond();
        assertThat(webhook(body, null).code()).isEqualTo("invalid_signature");
        assertThat(webhook(body, "t=" + now + ",v1=" + "0".repeat(64)).code()).isEqualTo("invalid_signature");
        String tampered = body.replace("payment.succeeded", "payment.failed");
        assertThat(webhook(tampered, sign(body, now)).code()).isEqualTo("invalid_signature");
        String wrongKey = WebhookSignature.header("not-the-secret".getBytes(), now, body.getBytes());
        assertThat(webhook(body, wrongKey).code()).isEqualTo("invalid_signature");
        assertThat(status(p)).isEqualTo("PENDING_PAYMENT");
        // The event id was not burnt by the refused attempts: the genuine delivery still works.
        assertThat(webhook(body, sign(body, now)).status()).isEqualTo(200);
        assertThat(status(p)).isEqualTo("PAID");
    }

    @Test
    void webhookWithTimestampOlderThanFiveMinutesIs400() {
        Placed p = orderAwaitingPayment();
        String body = event("evt_stale_" + UUID.randomUUID().toString().substring(0, 8), "payment.succeeded", p);
        String stale = sign(body, clock.instant().minus(Duration.ofSeconds(301)).getEpochSecond());
        assertThat(webhook(body, stale).code()).isEqualTo("invalid_signature");
        assertThat(status(p)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void webhookWithSignedButMalformedEventIs400() {
        long now = clock.instant().getEpochSecond();
        String body = "{\"id\":\"evt_x\",\"type\":\"payment.refunded\",\"paymentId\":\"p\",\"orderId\":\"o\"}";
        assertThat(webhook(body, sign(body, now)).code()).isEqualTo("invalid_event");
        String notJson = "not json";
        assertThat(webhook(notJson, sign(notJson, now)).status()).isEqualTo(400);
        Placed p = orderAwaitingPayment();
        String mismatched = "{\"id\":\"evt_mm_" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"type\":\"payment.succeeded\",\"paymentId\":\"" + p.paymentId() + "\",\"orderId\":\"other\"}";
        assertThat(webhook(mismatched, sign(mismatched, now)).code()).isEqualTo("invalid_event");
        assertThat(status(p)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void cancellingAPaidOrderMarksARefundAndPublishesOrderCancelled() {
        Placed p = orderAwaitingPayment();
        api.post("/api/v1/payments/sandbox/" + p.paymentId() + "/confirm", Map.of(), p.access());
        Api.Response c = api.post("/api/v1/orders/" + p.orderId() + "/cancel", null, p.access());
        assertThat(c.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(c.json().path("refundDue").asBoolean()).isTrue();
        assertThat(stockOf(p.panel())).isEqualTo(10);
        assertThat(events.of(OrderCancelled.class)).anySatisfy(e -> {
            assertThat(e.orderId()).isEqualTo(p.orderId());
            assertThat(e.refundDue()).isTrue();
        });
    }

    @Test
    void paymentArrivingAfterTheReservationExpiredMarksARefund(
            @org.springframework.beans.factory.annotation.Autowired com.sundispatch.orders.internal.OrderService service) {
        Placed p = orderAwaitingPayment();
        clock.advance(Duration.ofMinutes(31));
        service.expireReservations();
        String body = event("evt_late_" + UUID.randomUUID().toString().substring(0, 8), "payment.succeeded", p);
        assertThat(webhook(body, sign(body, clock.instant().getEpochSecond())).status()).isEqualTo(200);
        String access = login(p.email(), PASSWORD).access();
        Api.Response order = api.get("/api/v1/orders/" + p.orderId(), access);
        assertThat(order.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.json().path("refundDue").asBoolean()).isTrue();
    }

    @Test
    void paymentsWhenAnonymousThen401() {
        assertThat(api.post("/api/v1/orders/x/payments", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/payments/sandbox/x/confirm", Map.of()).status()).isEqualTo(401);
    }
}
