package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.sundispatch.orders.internal.PaymentProvider.Created;
import com.sundispatch.orders.internal.PaymentProvider.Event;
import com.sundispatch.orders.internal.PaymentProvider.EventType;
import com.sundispatch.orders.internal.PaymentProvider.PaymentRequest;
import com.sundispatch.orders.internal.PaymentProvider.PaymentStatus;
import com.sundispatch.orders.internal.PaymentProvider.RefundRequest;
import com.sundispatch.orders.internal.PaymentProvider.RefundResult;
import com.sundispatch.orders.internal.PaymentProvider.State;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.PublicBaseUrl;
import com.sundispatch.support.FakeStripe;
import com.sundispatch.support.FakeStripe.Fault;
import com.sundispatch.support.FakeStripe.SignedEvent;
import com.sundispatch.support.MutableClock;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Stripe adapter against a protocol-faithful fake of Stripe's API on loopback. */
class StripePaymentProviderTest {

    private static final PublicBaseUrl PUBLIC_BASE = PublicBaseUrl.of("https://sundispatch.example/");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FakeStripe stripe;
    private MutableClock clock;
    private StripePaymentProvider provider;
    private StripePaymentProvider impatient;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() {
        stripe = new FakeStripe();
        clock = new MutableClock();
        clock.freeze();
        stripe.now(clock.instant().getEpochSecond());
        provider = provider(stripe.baseUrl(), FakeStripe.SECRET_KEY, Duration.ofSeconds(5));
        // Only for answers that never come: a short timeout keeps those tests quick.
        impatient = provider(stripe.baseUrl(), FakeStripe.SECRET_KEY, Duration.ofMillis(500));
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(StripePaymentProvider.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(StripePaymentProvider.class)).detachAppender(logs);
        stripe.close();
    }

    private StripePaymentProvider provider(String base, String key, Duration timeout) {
        return new StripePaymentProvider(new StripeProperties(base, key, FakeStripe.WEBHOOK_SECRET, timeout,
                Duration.ofMinutes(5), "/#/orders/{orderId}?paid=1", "/#/orders/{orderId}"), PUBLIC_BASE, clock);
    }

    private static PaymentRequest payment(String paymentId, String amount) {
        return new PaymentRequest(paymentId, "abcd1234-5678-90ef-aaaa-bbbbccccdddd", new BigDecimal(amount), "EUR",
                "Order", "ada@example.test");
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** Creates and pays a session; answers the session id. */
    private String paidSession(String paymentId, String amount) {
        String session = provider.create(payment(paymentId, amount)).providerReference();
        stripe.pay(session);
        return session;
    }

    // ---- identity -----------------------------------------------------------------------------------------

    @Test
    void namesItselfStripeAndIsInTestModeOnlyWithATestKey() {
        assertThat(provider.name()).isEqualTo("stripe");
        assertThat(provider.testMode()).isTrue();
        assertThat(provider.available()).isTrue();
        StripePaymentProvider live = provider(stripe.baseUrl(), "sk_live_abc", Duration.ofSeconds(1));
        assertThat(live.testMode()).isFalse();
        StripePaymentProvider unconfigured = new StripePaymentProvider(new StripeProperties(
                "https://api.stripe.com", null, null, Duration.ofSeconds(1), Duration.ofMinutes(5), "/", "/"),
                PUBLIC_BASE, clock);
        assertThat(unconfigured.available()).isFalse();
        StripePaymentProvider noWebhookSecret = new StripePaymentProvider(new StripeProperties(
                "https://api.stripe.com", "sk_test_x", "", Duration.ofSeconds(1), Duration.ofMinutes(5), "/", "/"),
                PUBLIC_BASE, clock);
        assertThat(noWebhookSecret.available()).isFalse();
    }

    @Test
    void refusesAPlainHttpApiBaseUrlUnlessItIsLoopback() {
        assertThatThrownBy(() -> provider("http://api.stripe.com", FakeStripe.SECRET_KEY, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> provider("http://10.0.0.5:8080", FakeStripe.SECRET_KEY, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider("ftp://127.0.0.1", FakeStripe.SECRET_KEY, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider("https://user:pw@api.stripe.com", FakeStripe.SECRET_KEY,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(provider("https://api.stripe.com", FakeStripe.SECRET_KEY, Duration.ofSeconds(1))).isNotNull();
        assertThat(provider("http://localhost:1", FakeStripe.SECRET_KEY, Duration.ofSeconds(1))).isNotNull();
        assertThat(provider("http://[::1]:1", FakeStripe.SECRET_KEY, Duration.ofSeconds(1))).isNotNull();
    }

    @Test
    void neverShowsTheSecretKeyInToStringOrLogs() {
        stripe.failNext(Fault.ERROR, 1);
        assertThatThrownBy(() -> provider.create(payment("pay_logs", "10.00")))
                .isInstanceOf(PaymentProviderException.class);
        StripePaymentProvider wrongKey = provider(stripe.baseUrl(), "sk_test_wrongWrongWrong", Duration.ofSeconds(1));
        assertThatThrownBy(() -> wrongKey.create(payment("pay_logs2", "10.00")))
                .isInstanceOf(PaymentProviderException.class);

        assertThat(provider.toString()).doesNotContain(FakeStripe.SECRET_KEY).doesNotContain(FakeStripe.WEBHOOK_SECRET);
        assertThat(wrongKey.toString()).doesNotContain("sk_test_wrong");
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain("sk_test_").doesNotContain("whsec_")
                    .doesNotContain("ada@example.test");
        }
    }

    // ---- create -------------------------------------------------------------------------------------------

    @Test
    void createSendsACheckoutSessionFormWithOurIdsAndTheIdempotencyKey() {
        Created created = provider.create(payment("pay_0001", "1234.50"));

        assertThat(created.providerReference()).startsWith("cs_test_");
        assertThat(created.checkoutUrl()).isEqualTo("https://checkout.stripe.com/c/pay/" + created.providerReference());
        assertThat(created.testMode()).isTrue();
        assertThat(created.notice()).isEqualTo("Stripe test mode: no real money moves.");

        FakeStripe.Request sent = stripe.requests("POST /v1/checkout/sessions").get(0);
        assertThat(sent.header("authorization")).isEqualTo("Bearer " + FakeStripe.SECRET_KEY);
        assertThat(sent.header("idempotency-key")).isEqualTo("pay_0001");
        assertThat(sent.header("stripe-version")).isEqualTo(StripePaymentProvider.API_VERSION);
        assertThat(sent.header("content-type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.form()).containsEntry("mode", "payment")
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("line_items[0][price_data][unit_amount]", "123450")
                .containsEntry("line_items[0][price_data][product_data][name]", "SunDispatch order ABCD1234")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("client_reference_id", "abcd1234-5678-90ef-aaaa-bbbbccccdddd")
                .containsEntry("metadata[payment_id]", "pay_0001")
                .containsEntry("metadata[order_id]", "abcd1234-5678-90ef-aaaa-bbbbccccdddd")
                .containsEntry("payment_intent_data[metadata][payment_id]", "pay_0001")
                .containsEntry("payment_intent_data[metadata][order_id]", "abcd1234-5678-90ef-aaaa-bbbbccccdddd")
                .containsEntry("customer_email", "ada@example.test")
                .containsEntry("success_url",
                        "https://sundispatch.example/#/orders/abcd1234-5678-90ef-aaaa-bbbbccccdddd?paid=1")
                .containsEntry("cancel_url", "https://sundispatch.example/#/orders/abcd1234-5678-90ef-aaaa-bbbbccccdddd");
        assertThat(stripe.session(created.providerReference()).get("amount_total").asLong()).isEqualTo(123450);
    }

    @Test
    void convertsAmountsToCentsExactly() {
        provider.create(payment("pay_dime", "0.10"));
        provider.create(payment("pay_one", "1"));
        assertThat(stripe.requests("POST /v1/checkout/sessions")).extracting(
                r -> r.form().get("line_items[0][price_data][unit_amount]")).containsExactly("10", "100");
        assertThat(StripePaymentProvider.minorUnits(new BigDecimal("1234.50"))).isEqualTo(123450);
        PaymentProviderException fraction = catchThrowableOfType(PaymentProviderException.class,
                () -> StripePaymentProvider.minorUnits(new BigDecimal("1.005")));
        assertThat(fraction.code()).isEqualTo("invalid_amount");
        assertThat(fraction.retryable()).isFalse();
        assertThatThrownBy(() -> StripePaymentProvider.minorUnits(BigDecimal.ZERO))
                .isInstanceOf(PaymentProviderException.class);
    }

    @Test
    void createTwiceWithTheSamePaymentIdIsOneSessionAtStripe() {
        Created first = provider.create(payment("pay_same", "50.00"));
        Created again = provider.create(payment("pay_same", "50.00"));
        assertThat(again.providerReference()).isEqualTo(first.providerReference());
        assertThat(stripe.requests("POST /v1/checkout/sessions")).hasSize(2);
    }

    @Test
    void omitsTheCustomerEmailWhenThereIsNone() {
        provider.create(new PaymentRequest("pay_noemail", "order-1", new BigDecimal("5.00"), "CHF", "x", null));
        assertThat(stripe.requests("POST /v1/checkout/sessions").get(0).form())
                .doesNotContainKey("customer_email").containsEntry("line_items[0][price_data][currency]", "chf");
    }

    // ---- errors -------------------------------------------------------------------------------------------

    @Test
    void aFourHundredIsNotRetryableAndCarriesStripesCode() {
        provider.create(payment("pay_conflict", "10.00"));
        // The same idempotency key with other parameters: Stripe refuses with idempotency_error.
        PaymentProviderException e = catchThrowableOfType(PaymentProviderException.class,
                () -> provider.create(payment("pay_conflict", "11.00")));
        assertThat(e.retryable()).isFalse();
        assertThat(e.code()).isEqualTo("idempotency_error");

        StripePaymentProvider wrongKey = provider(stripe.baseUrl(), "sk_test_wrong", Duration.ofSeconds(1));
        PaymentProviderException unauthorized = catchThrowableOfType(PaymentProviderException.class,
                () -> wrongKey.paymentStatus("cs_test_unknown"));
        assertThat(unauthorized.retryable()).isFalse();
        assertThat(unauthorized.code()).isEqualTo("invalid_request_error");

        PaymentProviderException missing = catchThrowableOfType(PaymentProviderException.class,
                () -> provider.paymentStatus("cs_test_unknown"));
        assertThat(missing.code()).isEqualTo("resource_missing");
        assertThat(missing.retryable()).isFalse();
    }

    @Test
    void serverErrorsRateLimitsTimeoutsAndGarbageAreRetryable() {
        for (Fault fault : List.of(Fault.ERROR, Fault.RATE_LIMITED, Fault.GARBAGE, Fault.HUGE, Fault.SLOW)) {
            stripe.failNext(fault, 1);
            StripePaymentProvider caller = fault == Fault.SLOW ? impatient : provider;
            PaymentProviderException e = catchThrowableOfType(PaymentProviderException.class,
                    () -> caller.create(payment("pay_" + fault.name().toLowerCase(Locale.ROOT), "10.00")));
            assertThat(e).as(fault.name()).isNotNull();
            assertThat(e.retryable()).as(fault.name()).isTrue();
        }
        // Nothing was stored at the fake for the failed keys, so the retry creates the session.
        assertThat(provider.create(payment("pay_error", "10.00")).providerReference()).startsWith("cs_test_");
    }

    @Test
    void aTimeoutGivesUpWithinTheConfiguredDeadline() {
        stripe.failNext(Fault.SLOW, 1);
        long start = System.nanoTime();
        PaymentProviderException e = catchThrowableOfType(PaymentProviderException.class,
                () -> impatient.paymentStatus("cs_test_abc"));
        assertThat(e.code()).isEqualTo("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnreachableStripeIsRetryable() {
        StripePaymentProvider nowhere = provider("http://127.0.0.1:1", FakeStripe.SECRET_KEY, Duration.ofSeconds(1));
        PaymentProviderException e = catchThrowableOfType(PaymentProviderException.class,
                () -> nowhere.create(payment("pay_x", "1.00")));
        assertThat(e.retryable()).isTrue();
    }

    // ---- payment status -----------------------------------------------------------------------------------

    @Test
    void paymentStatusFollowsTheSession() {
        String session = provider.create(payment("pay_status", "20.00")).providerReference();
        assertThat(provider.paymentStatus(session)).isEqualTo(new PaymentStatus(State.PENDING, null));
        String intent = stripe.pay(session);
        assertThat(provider.paymentStatus(session)).isEqualTo(new PaymentStatus(State.SUCCEEDED, intent));

        String expired = provider.create(payment("pay_expired", "20.00")).providerReference();
        stripe.expire(expired);
        assertThat(provider.paymentStatus(expired).state()).isEqualTo(State.FAILED);
        assertThat(stripe.requests("GET /v1/checkout/sessions/").get(0).header("idempotency-key")).isNull();
    }

    @Test
    void refusesReferencesThatAreNotStripeIds() {
        assertThatThrownBy(() -> provider.paymentStatus("../v1/refunds")).isInstanceOf(PaymentProviderException.class);
        assertThatThrownBy(() -> provider.refundStatus("cs_test_x")).isInstanceOf(PaymentProviderException.class);
        assertThat(stripe.requests()).isEmpty();
    }

    // ---- refunds ------------------------------------------------------------------------------------------

    @Test
    void refundsThePaymentIntentWithTheRefundIdAsIdempotencyKey() {
        String session = paidSession("pay_r1", "100.00");
        String intent = stripe.session(session).get("payment_intent").asString();

        RefundResult result = provider.refund(new RefundRequest("ref_1", "pay_r1", session, intent,
                new BigDecimal("40.00"), "EUR", "customer cancelled"));

        assertThat(result.providerReference()).startsWith("re_");
        assertThat(result.state()).isEqualTo(State.SUCCEEDED);
        FakeStripe.Request sent = stripe.requests("POST /v1/refunds").get(0);
        assertThat(sent.header("idempotency-key")).isEqualTo("ref_1");
        assertThat(sent.form()).containsEntry("payment_intent", intent).containsEntry("amount", "4000")
                .containsEntry("reason", "requested_by_customer").containsEntry("metadata[refund_id]", "ref_1")
                .containsEntry("metadata[payment_id]", "pay_r1")
                .containsEntry("metadata[order_id]", "abcd1234-5678-90ef-aaaa-bbbbccccdddd");
    }

    @Test
    void theSameRefundTwiceIsOneRefundAtStripe() {
        String session = paidSession("pay_r2", "100.00");
        String intent = stripe.session(session).get("payment_intent").asString();
        RefundRequest request = new RefundRequest("ref_twice", "pay_r2", session, intent, new BigDecimal("100.00"),
                "EUR", "cancelled");

        RefundResult first = provider.refund(request);
        RefundResult again = provider.refund(request);

        assertThat(again).isEqualTo(first);
        assertThat(stripe.refunds()).hasSize(1);
        // A different refund id for more than is left: Stripe refuses, and it is not worth retrying.
        PaymentProviderException e = catchThrowableOfType(PaymentProviderException.class,
                () -> provider.refund(new RefundRequest("ref_more", "pay_r2", session, intent, new BigDecimal("1.00"),
                        "EUR", "more")));
        assertThat(e.code()).isEqualTo("charge_already_refunded");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void refusesToRefundAPaymentIntentThatIsNotThePayments() {
        String session = paidSession("pay_mine", "10.00");
        String other = stripe.pay(provider.create(payment("pay_theirs", "10.00")).providerReference());
        PaymentProviderException e = catchThrowableOfType(PaymentProviderException.class,
                () -> provider.refund(new RefundRequest("ref_mix", "pay_mine", session, other, new BigDecimal("1.00"),
                        "EUR", "x")));
        assertThat(e.code()).isEqualTo("charge_mismatch");
        assertThat(stripe.requests("POST /v1/refunds")).isEmpty();
    }

    @Test
    void aRefundLargerThanWhatIsLeftIsRefused() {
        String session = paidSession("pay_r3", "10.00");
        String intent = stripe.session(session).get("payment_intent").asString();
        PaymentProviderException e = catchThrowableOfType(PaymentProviderException.class,
                () -> provider.refund(new RefundRequest("ref_big", "pay_r3", session, intent, new BigDecimal("10.01"),
                        "EUR", "x")));
        assertThat(e.code()).isEqualTo("amount_too_large");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void withoutAChargeReferenceTheSessionIsAskedForItsPaymentIntent() {
        String session = paidSession("pay_r4", "30.00");
        String intent = stripe.session(session).get("payment_intent").asString();

        RefundResult result = provider.refund(new RefundRequest("ref_4", "pay_r4", session, null,
                new BigDecimal("30.00"), "EUR", "x"));

        assertThat(result.state()).isEqualTo(State.SUCCEEDED);
        assertThat(stripe.requests("GET /v1/checkout/sessions/" + session)).hasSize(1);
        assertThat(stripe.requests("POST /v1/refunds").get(0).form()).containsEntry("payment_intent", intent);

        String unpaid = provider.create(payment("pay_unpaid", "30.00")).providerReference();
        PaymentProviderException e = catchThrowableOfType(PaymentProviderException.class,
                () -> provider.refund(new RefundRequest("ref_5", "pay_unpaid", unpaid, null, new BigDecimal("1.00"),
                        "EUR", "x")));
        assertThat(e.code()).isEqualTo("payment_not_captured");
    }

    @Test
    void pendingAndFailedRefundsAreReportedAsSuchAndSettleByStatusQuery() {
        String session = paidSession("pay_r6", "100.00");
        String intent = stripe.session(session).get("payment_intent").asString();

        stripe.nextRefundStatus("pending");
        RefundResult pending = provider.refund(new RefundRequest("ref_p", "pay_r6", session, intent,
                new BigDecimal("10.00"), "EUR", "x"));
        assertThat(pending.state()).isEqualTo(State.PENDING);
        stripe.nextRefundStatus("requires_action");
        assertThat(provider.refund(new RefundRequest("ref_a", "pay_r6", session, intent, new BigDecimal("10.00"),
                "EUR", "x")).state()).isEqualTo(State.PENDING);
        stripe.nextRefundStatus("failed");
        RefundResult failed = provider.refund(new RefundRequest("ref_f", "pay_r6", session, intent,
                new BigDecimal("10.00"), "EUR", "x"));
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.failureCode()).isEqualTo("lost_or_stolen_card");

        assertThat(provider.refundStatus(pending.providerReference()).state()).isEqualTo(State.PENDING);
        stripe.settleRefund(pending.providerReference(), "succeeded");
        assertThat(provider.refundStatus(pending.providerReference()))
                .isEqualTo(new RefundResult(pending.providerReference(), State.SUCCEEDED, null));
        stripe.settleRefund(pending.providerReference(), "canceled");
        assertThat(provider.refundStatus(pending.providerReference()).state()).isEqualTo(State.FAILED);
    }

    // ---- webhook signatures -------------------------------------------------------------------------------

    private SignedEvent completedEvent(String paymentId) {
        String session = paidSession(paymentId, "10.00");
        return stripe.event("checkout.session.completed", session, now());
    }

    @Test
    void acceptsAValidSignature() {
        SignedEvent event = completedEvent("pay_sig");
        Event parsed = provider.verifyAndParse(event.body(), event.headers());
        assertThat(parsed.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
    }

    @Test
    void refusesAWrongSecretATamperedBodyAndAMissingHeader() {
        SignedEvent event = completedEvent("pay_sig2");
        String wrong = "t=" + now() + ",v1=" + FakeStripe.signature("whsec_other", now(), event.body());
        assertInvalidSignature(event.body(), Map.of("stripe-signature", wrong));

        byte[] tampered = event.text().replace("\"paid\"", "\"unpaid\"").getBytes(StandardCharsets.UTF_8);
        assertInvalidSignature(tampered, event.headers());

        assertInvalidSignature(event.body(), Map.of());
        assertInvalidSignature(event.body(), Map.of("stripe-signature", ""));
        assertInvalidSignature(event.body(), Map.of("stripe-signature", "v1=" + "a".repeat(64)));
        assertInvalidSignature(event.body(), Map.of("stripe-signature", "t=" + now()));
        // The header name is matched lower-case, as the interface promises.
        assertInvalidSignature(event.body(), Map.of("x-signature", event.signature()));
    }

    @Test
    void refusesStaleAndFutureTimestampsBeyondTheTolerance() {
        String session = paidSession("pay_sig3", "10.00");
        SignedEvent stale = stripe.event("checkout.session.completed", session, now() - 301);
        SignedEvent future = stripe.event("checkout.session.completed", session, now() + 301);
        SignedEvent edge = stripe.event("checkout.session.completed", session, now() - 300);
        assertInvalidSignature(stale.body(), stale.headers());
        assertInvalidSignature(future.body(), future.headers());
        assertThat(provider.verifyAndParse(edge.body(), edge.headers()).type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
    }

    @Test
    void acceptsAnyOfSeveralV1SignaturesAndIgnoresV0() {
        SignedEvent event = completedEvent("pay_sig4");
        String[] parts = event.signature().split(",");
        String header = parts[0] + ",v1=" + "0".repeat(64) + ",v0=" + "f".repeat(64) + "," + parts[1];
        assertThat(provider.verifyAndParse(event.body(), Map.of("stripe-signature", header)).type())
                .isEqualTo(EventType.PAYMENT_SUCCEEDED);
        String onlyV0 = parts[0] + ",v0=" + parts[1].substring(3);
        assertInvalidSignature(event.body(), Map.of("stripe-signature", onlyV0));
    }

    private void assertInvalidSignature(byte[] body, Map<String, String> headers) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> provider.verifyAndParse(body, headers));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("invalid_signature");
        assertThat(e.status().value()).isEqualTo(400);
    }

    // ---- event mapping ------------------------------------------------------------------------------------

    @Test
    void mapsCheckoutSessionEvents() {
        String session = provider.create(payment("pay_ev", "10.00")).providerReference();

        Event unpaid = parse(stripe.event("checkout.session.completed", session, now()));
        assertThat(unpaid.type()).isEqualTo(EventType.IGNORED);
        assertThat(unpaid.id()).startsWith("evt_");

        String intent = stripe.pay(session);
        Event paid = parse(stripe.event("checkout.session.completed", session, now()));
        assertThat(paid).isEqualTo(new Event(paid.id(), EventType.PAYMENT_SUCCEEDED, "pay_ev",
                "abcd1234-5678-90ef-aaaa-bbbbccccdddd", null, session, intent, null));
        assertThat(parse(stripe.event("checkout.session.async_payment_succeeded", session, now())).type())
                .isEqualTo(EventType.PAYMENT_SUCCEEDED);

        Event failed = parse(stripe.event("checkout.session.async_payment_failed", session, now()));
        assertThat(failed.type()).isEqualTo(EventType.PAYMENT_FAILED);
        assertThat(failed.paymentId()).isEqualTo("pay_ev");
        stripe.expire(session);
        Event expired = parse(stripe.event("checkout.session.expired", session, now()));
        assertThat(expired.type()).isEqualTo(EventType.PAYMENT_FAILED);
        assertThat(expired.failureCode()).isEqualTo("expired");
    }

    @Test
    void mapsRefundEventsOfEveryKind() {
        String session = paidSession("pay_rev", "100.00");
        String intent = stripe.session(session).get("payment_intent").asString();
        stripe.nextRefundStatus("pending");
        String refund = provider.refund(new RefundRequest("ref_ev", "pay_rev", session, intent,
                new BigDecimal("5.00"), "EUR", "x")).providerReference();

        assertThat(parse(stripe.event("refund.created", refund, now())).type()).isEqualTo(EventType.IGNORED);
        stripe.settleRefund(refund, "succeeded");
        for (String type : List.of("refund.created", "refund.updated", "charge.refund.updated")) {
            Event e = parse(stripe.event(type, refund, now()));
            assertThat(e).as(type).isEqualTo(new Event(e.id(), EventType.REFUND_SUCCEEDED, "pay_rev",
                    "abcd1234-5678-90ef-aaaa-bbbbccccdddd", "ref_ev", refund, intent, null));
        }
        stripe.settleRefund(refund, "failed");
        Event failed = parse(stripe.event("refund.updated", refund, now()));
        assertThat(failed.type()).isEqualTo(EventType.REFUND_FAILED);
        assertThat(failed.failureCode()).isEqualTo("expired_or_canceled_card");
        stripe.settleRefund(refund, "canceled");
        assertThat(parse(stripe.event("charge.refund.updated", refund, now())).type())
                .isEqualTo(EventType.REFUND_FAILED);
    }

    @Test
    void ignoresOtherEventsAndObjectsThatAreNotOurs() {
        String session = paidSession("pay_other", "10.00");
        assertThat(parse(stripe.event("payment_intent.succeeded", session, now())).type())
                .isEqualTo(EventType.IGNORED);
        ObjectNode foreign = stripe.session(session);
        foreign.set("metadata", JSON.createObjectNode());
        assertThat(parse(stripe.event("checkout.session.completed", foreign, now())).type())
                .isEqualTo(EventType.IGNORED);
    }

    @Test
    void refusesMalformedEventsWithInvalidEvent() {
        String session = paidSession("pay_bad", "10.00");
        ObjectNode badId = stripe.session(session);
        ((ObjectNode) badId.get("metadata")).put("payment_id", "pay/../../x");
        assertInvalidEvent(stripe.event("checkout.session.completed", badId, now()));

        ObjectNode noOrder = stripe.session(session);
        ((ObjectNode) noOrder.get("metadata")).remove("order_id");
        assertInvalidEvent(stripe.event("checkout.session.completed", noOrder, now()));

        ObjectNode badSession = stripe.session(session);
        badSession.put("id", "not-a-session");
        assertInvalidEvent(stripe.event("checkout.session.completed", badSession, now()));

        assertInvalidEvent(stripe.sign("{not json".getBytes(StandardCharsets.UTF_8), now()));
        assertInvalidEvent(stripe.sign("[]".getBytes(StandardCharsets.UTF_8), now()));
        assertInvalidEvent(stripe.sign("{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}"
                .getBytes(StandardCharsets.UTF_8), now()));
        assertInvalidEvent(stripe.sign("{\"id\":\"nope\",\"type\":\"x\",\"data\":{\"object\":{}}}"
                .getBytes(StandardCharsets.UTF_8), now()));
    }

    private void assertInvalidEvent(SignedEvent event) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> provider.verifyAndParse(event.body(), event.headers()));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("invalid_event");
        assertThat(e.status().value()).isEqualTo(400);
    }

    private Event parse(SignedEvent event) {
        return provider.verifyAndParse(event.body(), new HashMap<>(event.headers()));
    }
}
