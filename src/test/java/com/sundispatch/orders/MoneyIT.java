package com.sundispatch.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.orders.internal.OrderService;
import com.sundispatch.shared.WebhookSignature;
import com.sundispatch.support.AdminSession;
import com.sundispatch.support.Api;
import com.sundispatch.support.Mailbox;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money of an order over real HTTP: gross prices with their VAT, the invoice, money held until the
 * installation is confirmed, the installer's payout, cancellations at every stage with the right refund through
 * the provider, duplicate and out-of-order webhooks, admin refunds under concurrency, and the ledger check.
 */
class MoneyIT extends DispatchFixtures {

    /** The test fixture secret from application-test.yml: the tests play the payment provider. */
    private static final byte[] SECRET = "test-fixture-webhook-0123456789-abcdefghijklm".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private OrderService orderService;

    private JsonNode order(Paid p) {
        Api.Response r = api.get("/api/v1/orders/" + p.orderId(), p.customer().access());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonNode story(String orderId) {
        Api.Response r = api.get("/api/v1/admin/orders/" + orderId, adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.path("amount").asString());
    }

    private List<String> ledgerKinds(String orderId) {
        List<String> kinds = new ArrayList<>();
        story(orderId).path("ledger").forEach(e -> kinds.add(e.path("kind").asString()));
        return kinds;
    }

    private JsonNode ledgerCheck() {
        Api.Response r = api.get("/api/v1/admin/ledger/check", adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Api.Response webhook(Map<String, String> event) {
        String body = Api.JSON.writeValueAsString(event);
        return api.send("POST", "/api/v1/payments/webhook", body, null, Map.of("X-Signature",
                WebhookSignature.header(SECRET, clock.instant().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8))));
    }

    private Api.Response adminRefund(String admin, String orderId, String amount, String currency, String key) {
        return api.send("POST", "/api/v1/admin/orders/" + orderId + "/refunds", Map.of("amount",
                Map.of("amount", amount, "currency", currency), "reason", "Goodwill for a late start"), admin,
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    /** An admin session that proved itself again just now (refunds and payouts need it). */
    private String steppedUpAdmin() {
        String admin = adminToken();
        AdminSession.stepUp(api, admin);
        return admin;
    }

    private void awaitRefundsSettled(Paid p) {
        eventually("the refunds of " + p.orderId() + " settle", () -> {
            JsonNode refunds = order(p).path("refunds");
            if (refunds.isEmpty()) {
                return false;
            }
            for (JsonNode r : refunds) {
                if (r.path("status").asString().equals("PENDING")) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void checkoutShowsEachLineTheFeeAndTheVatInsideTheGrossTotal() {
        String panel = createPanel(10, "123.45");
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        Api.Response placed = placeOrder(access, panel, 3);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonNode o = placed.json();
        assertThat(o.path("items").get(0).path("lineTotal").path("amount").asString()).isEqualTo("370.35");
        assertThat(o.path("tax").path("rate").asString()).isEqualTo("19");
        BigDecimal total = amount(o.path("total"));
        assertThat(amount(o.path("tax").path("net")).add(amount(o.path("tax").path("vat")))).isEqualByComparingTo(total);
        // Rounded per line (panels, fee), so within a cent per line of the VAT taken out of the total at once.
        BigDecimal vatOfTotal = total.multiply(BigDecimal.valueOf(19)).divide(BigDecimal.valueOf(119), 2,
                RoundingMode.HALF_UP);
        assertThat(amount(o.path("tax").path("vat")).subtract(vatOfTotal).abs()).isLessThanOrEqualTo(
                new BigDecimal("0.02"));
        assertThat(o.path("cancellation").path("fee").path("amount").asString()).isEqualTo("0.00");
        assertThat(o.path("refundStatus").asString()).isEqualTo("NONE");

        String orderId = o.path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, access).json().path("paymentId")
                .asString();
        Api.Response payment = api.get("/api/v1/payments/" + paymentId, access);
        assertThat(payment.status()).as(payment.toString()).isEqualTo(200);
        assertThat(payment.json().path("order").path("total").path("amount").asString())
                .isEqualTo(o.path("total").path("amount").asString());
        assertThat(payment.json().path("order").path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(payment.json().path("testMode").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/payments/" + paymentId, newCustomerSession().access()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/payments/" + paymentId).status()).isEqualTo(401);
    }

    @Test
    void anOrderToACountryWithoutAVatRateIsRefusedAndNothingIsReserved() {
        String panel = createPanel(10, "100.00");
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        Map<String, Object> where = new HashMap<>(installation());
        where.put("country", "FR");
        Api.Response r = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 2)),
                "installation", where), access);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("country_not_served");
        assertThat(stockOf(panel)).isEqualTo(10);
    }

    @Test
    void aPaidOrderHasAnInvoiceMailedAsPdfAndDownloadableOnlyByItsCustomerAndAdmins() {
        Paid p = paidOrder();
        JsonNode o = order(p);
        JsonNode invoice = o.path("documents").get(0);
        assertThat(invoice.path("type").asString()).isEqualTo("INVOICE");
        assertThat(invoice.path("number").asString()).matches("INV-\\d{4}-\\d{6}");
        assertThat(invoice.path("gross").path("amount").asString()).isEqualTo(o.path("total").path("amount").asString());
        String path = "/api/v1/orders/" + p.orderId() + "/documents/" + invoice.path("id").asString();
        HttpResponse<byte[]> pdf = api.getBytes(path, p.customer().access());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        assertThat(api.getBytes(path, newCustomerSession().access()).statusCode()).isEqualTo(404);
        assertThat(api.getBytes(path, null).statusCode()).isEqualTo(401);
        assertThat(api.getBytes("/api/v1/admin/documents/" + invoice.path("id").asString(), adminToken())
                .statusCode()).isEqualTo(200);

        MimeMessage mail = Mailbox.await(p.customer().email(), "Payment received");
        Mailbox.Attachment attached = Mailbox.attachment(mail).orElseThrow();
        assertThat(attached.filename()).isEqualTo(invoice.path("number").asString() + ".pdf");
        assertThat(attached.bytes()).isEqualTo(pdf.body());
        assertThat(Mailbox.body(mail)).contains(invoice.path("number").asString());

        JsonNode s = story(p.orderId());
        assertThat(s.path("payments").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(ledgerKinds(p.orderId())).containsExactly("CAPTURE");
        assertThat(s.path("customer").path("email").asString()).isEqualTo(p.customer().email());
    }

    @Test
    void theMoneyIsHeldUntilTheCustomerConfirmsThenTheInstallerEarnsTheNetMinusTheFee() {
        Held h = reportedJob();
        assertThat(ledgerKinds(h.paid().orderId())).containsExactly("CAPTURE");
        assertThat(story(h.paid().orderId()).path("payout").isNull()).isTrue();
        Api.Response job = api.get("/api/v1/admin/jobs?orderId=" + h.paid().orderId(), adminToken());
        assertThat(job.json().path("items").get(0).path("jobId").asString()).isEqualTo(h.jobId());
        JsonNode o = order(h.paid());
        BigDecimal total = amount(o.path("total"));
        BigDecimal vat = amount(o.path("tax").path("vat"));

        confirm(h);
        BigDecimal base = total.subtract(vat);
        BigDecimal fee = base.multiply(new BigDecimal("0.15")).setScale(2, RoundingMode.HALF_UP);
        JsonNode payout = story(h.paid().orderId()).path("payout");
        assertThat(payout.path("status").asString()).isEqualTo("DUE");
        assertThat(amount(payout.path("base"))).isEqualByComparingTo(base);
        assertThat(amount(payout.path("fee"))).isEqualByComparingTo(fee);
        assertThat(amount(payout.path("amount"))).isEqualByComparingTo(base.subtract(fee));
        assertThat(ledgerKinds(h.paid().orderId())).containsExactlyInAnyOrder("CAPTURE", "VAT", "PLATFORM_FEE",
                "PAYOUT_DUE");

        Api.Response earnings = api.get("/api/v1/installer/earnings", h.installer().access());
        assertThat(earnings.status()).as(earnings.toString()).isEqualTo(200);
        assertThat(amount(earnings.json().path("totals").path("pending"))).isEqualByComparingTo(base.subtract(fee));
        assertThat(earnings.json().path("payouts").get(0).path("orderId").asString()).isEqualTo(h.paid().orderId());
        Installer other = installer(30);
        assertThat(api.get("/api/v1/installer/earnings", other.access()).json().path("payouts").size()).isZero();

        String admin = steppedUpAdmin();
        Api.Response paid = api.post("/api/v1/admin/payouts/" + payout.path("id").asString() + "/paid",
                Map.of("reference", "SEPA-2026-0001"), admin);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        JsonNode after = api.get("/api/v1/installer/earnings", h.installer().access()).json();
        assertThat(amount(after.path("totals").path("paidOut"))).isEqualByComparingTo(base.subtract(fee));
        assertThat(ledgerKinds(h.paid().orderId())).contains("PAYOUT_PAID");
        assertThat(ledgerCheck().path("differences").size()).isZero();
    }

    @Test
    void cancellingBeforeAnInstallerIsAssignedRefundsEverythingThroughTheProviderWithACreditNote() {
        Paid p = paidOrder();
        JsonNode before = order(p);
        assertThat(before.path("cancellation").path("fee").path("amount").asString()).isEqualTo("0.00");
        assertThat(before.path("cancellation").path("refund").path("amount").asString())
                .isEqualTo(before.path("total").path("amount").asString());
        Api.Response cancelled = api.post("/api/v1/orders/" + p.orderId() + "/cancel", null, p.customer().access());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        awaitRefundsSettled(p);
        JsonNode o = order(p);
        assertThat(o.path("refundStatus").asString()).isEqualTo("REFUNDED");
        assertThat(o.path("refunded").path("amount").asString()).isEqualTo(o.path("total").path("amount").asString());
        assertThat(o.path("refunds").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(o.path("documents").get(1).path("type").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(o.path("documents").get(1).path("number").asString()).matches("CN-\\d{4}-\\d{6}");
        assertThat(o.path("cancellation").isNull()).isTrue();
        assertThat(ledgerKinds(p.orderId())).containsExactlyInAnyOrder("CAPTURE", "REFUND");
        assertThat(events.of(RefundIssued.class)).anyMatch(e -> e.orderId().equals(p.orderId())
                && e.reason() == RefundIssued.Reason.CANCELLED);
    }

    @Test
    void cancellingAfterAnInstallerWasAssignedKeepsTheCancellationFee() {
        Held h = assignedJob();
        JsonNode before = order(h.paid());
        BigDecimal total = amount(before.path("total"));
        assertThat(before.path("cancellation").path("fee").path("amount").asString()).isEqualTo("50.00");
        assertThat(amount(before.path("cancellation").path("refund"))).isEqualByComparingTo(
                total.subtract(new BigDecimal("50.00")));
        Api.Response cancelled = api.post("/api/v1/orders/" + h.paid().orderId() + "/cancel", null,
                h.customer().access());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        awaitRefundsSettled(h.paid());
        JsonNode o = order(h.paid());
        assertThat(amount(o.path("refunded"))).isEqualByComparingTo(total.subtract(new BigDecimal("50.00")));
        assertThat(o.path("refundStatus").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(ledgerKinds(h.paid().orderId())).containsExactlyInAnyOrder("CAPTURE", "CANCELLATION_FEE",
                "REFUND");
        assertThat(ledgerCheck().path("differences").size()).isZero();
    }

    @Test
    void afterTheStartOnlyAnAdminCanCancelAndThenEverythingIsRefunded() {
        Held h = startOnTheDay(scheduledJob());
        Api.Response refused = api.post("/api/v1/orders/" + h.paid().orderId() + "/cancel", null, h.customer().access());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(order(h.paid()).path("cancellation").isNull()).isTrue();
        Api.Response cancelled = api.post("/api/v1/admin/jobs/" + h.jobId() + "/cancel",
                Map.of("note", "The roof turned out to be unsafe"), adminToken());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        awaitRefundsSettled(h.paid());
        JsonNode o = order(h.paid());
        assertThat(o.path("refundStatus").asString()).isEqualTo("REFUNDED");
        assertThat(o.path("refunds").get(0).path("reason").asString()).isEqualTo("CANCELLED_BY_ADMIN");
    }

    @Test
    void duplicateAndOutOfOrderWebhooksNeverCaptureOrRefundTwice() {
        String panel = createPanel(10, "100.00");
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        String orderId = placeOrder(access, panel, 2).json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, access).json().path("paymentId")
                .asString();
        Map<String, String> succeeded = Map.of("id", "evt_" + UUID.randomUUID().toString().replace("-", ""),
                "type", "payment.succeeded", "paymentId", paymentId, "orderId", orderId);
        assertThat(webhook(succeeded).json().path("status").asString()).isEqualTo("processed");
        assertThat(webhook(succeeded).json().path("status").asString()).isEqualTo("already_processed");
        // The provider retried with a new event id, and a stale failure arrived after the success.
        assertThat(webhook(Map.of("id", "evt_retry_" + UUID.randomUUID().toString().substring(0, 8), "type",
                "payment.succeeded", "paymentId", paymentId, "orderId", orderId)).status()).isEqualTo(200);
        assertThat(webhook(Map.of("id", "evt_late_" + UUID.randomUUID().toString().substring(0, 8), "type",
                "payment.failed", "paymentId", paymentId, "orderId", orderId)).status()).isEqualTo(200);
        Paid p = new Paid(new Customer(null, access), orderId);
        JsonNode o = order(p);
        assertThat(o.path("status").asString()).isEqualTo("PAID");
        assertThat(o.path("documents").size()).isEqualTo(1);
        assertThat(ledgerKinds(orderId)).containsExactly("CAPTURE");

        api.post("/api/v1/orders/" + orderId + "/cancel", null, access);
        awaitRefundsSettled(p);
        String refundId = order(p).path("refunds").get(0).path("id").asString();
        // The provider's own confirmation of the refund arrives after we settled it, twice, then a stale failure.
        Map<String, String> refunded = Map.of("id", "evt_r_" + UUID.randomUUID().toString().substring(0, 8), "type",
                "refund.succeeded", "paymentId", paymentId, "orderId", orderId, "refundId", refundId);
        assertThat(webhook(refunded).status()).isEqualTo(200);
        assertThat(webhook(refunded).json().path("status").asString()).isEqualTo("already_processed");
        assertThat(webhook(Map.of("id", "evt_rf_" + UUID.randomUUID().toString().substring(0, 8), "type",
                "refund.failed", "paymentId", paymentId, "orderId", orderId, "refundId", refundId)).status())
                .isEqualTo(200);
        assertThat(order(p).path("refundStatus").asString()).isEqualTo("REFUNDED");
        assertThat(ledgerKinds(orderId)).containsExactlyInAnyOrder("CAPTURE", "REFUND");
        Api.Response unknown = webhook(Map.of("id", "evt_u_" + UUID.randomUUID().toString().substring(0, 8), "type",
                "refund.succeeded", "paymentId", paymentId, "orderId", orderId, "refundId", "not-a-refund-of-ours"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("invalid_event");
    }

    @Test
    void aPaymentArrivingAfterTheReservationExpiredGoesStraightBack() {
        String panel = createPanel(10, "100.00");
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        String orderId = placeOrder(access, panel, 2).json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, access).json().path("paymentId")
                .asString();
        clock.advance(Duration.ofMinutes(31));
        orderService.expireReservations();
        assertThat(webhook(Map.of("id", "evt_" + UUID.randomUUID().toString().replace("-", ""), "type",
                "payment.succeeded", "paymentId", paymentId, "orderId", orderId)).status()).isEqualTo(200);
        JsonNode s = story(orderId);
        assertThat(s.path("order").path("refunds").get(0).path("reason").asString()).isEqualTo("LATE_PAYMENT");
        eventually("the late payment is refunded", () -> story(orderId).path("order").path("refundStatus").asString()
                .equals("REFUNDED"));
        assertThat(story(orderId).path("order").path("documents").size()).isZero();
    }

    @Test
    void adminRefundsNeedAStepUpAndAnIdempotencyKeyAndNeverExceedWhatWasPaid() {
        Paid before = paidOrder();
        BigDecimal total = amount(order(before).path("total"));
        clock.advance(Duration.ofHours(1));
        // An hour later every access token has expired: both sign in again (the admin's new session unconfirmed).
        Paid p = new Paid(new Customer(before.customer().email(), login(before.customer().email(), PASSWORD)
                .access()), before.orderId());
        String fresh = adminToken();
        Api.Response noStepUp = adminRefund(fresh, p.orderId(), "10.00", "EUR", "key-" + UUID.randomUUID());
        assertThat(noStepUp.status()).as(noStepUp.toString()).isEqualTo(403);
        assertThat(noStepUp.code()).isEqualTo("reauthentication_required");
        String admin = steppedUpAdmin();
        Api.Response noKey = adminRefund(admin, p.orderId(), "10.00", "EUR", null);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("idempotency_key_required");
        String key = "key-" + UUID.randomUUID();
        Api.Response first = adminRefund(admin, p.orderId(), "10.00", "EUR", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response again = adminRefund(admin, p.orderId(), "10.00", "EUR", key);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        Api.Response reused = adminRefund(admin, p.orderId(), "11.00", "EUR", key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        Api.Response tooMuch = adminRefund(admin, p.orderId(), total.toPlainString(), "EUR", "key-" + UUID.randomUUID());
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("refund_exceeds_balance");
        assertThat(adminRefund(admin, p.orderId(), "10.00", "USD", "key-" + UUID.randomUUID()).code())
                .isEqualTo("currency_mismatch");
        assertThat(adminRefund(admin, p.orderId(), "10.005", "EUR", "key-" + UUID.randomUUID()).status())
                .isEqualTo(400);
        assertThat(adminRefund(admin, p.orderId(), "0.00", "EUR", "key-" + UUID.randomUUID()).status())
                .isEqualTo(400);
        assertThat(adminRefund(admin, UUID.randomUUID().toString(), "1.00", "EUR", "key-" + UUID.randomUUID())
                .status()).isEqualTo(404);
        assertThat(adminRefund(newCustomerSession().access(), p.orderId(), "1.00", "EUR", "key-" + UUID.randomUUID())
                .status()).isEqualTo(403);
        assertThat(adminRefund(null, p.orderId(), "1.00", "EUR", "key-" + UUID.randomUUID()).status()).isEqualTo(401);

        awaitRefundsSettled(p);
        JsonNode o = order(p);
        assertThat(o.path("refundStatus").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(o.path("refunded").path("amount").asString()).isEqualTo("10.00");
        assertThat(o.path("documents").get(1).path("type").asString()).isEqualTo("CREDIT_NOTE");
        MimeMessage mail = Mailbox.await(p.customer().email(), "Refund of");
        assertThat(Mailbox.attachment(mail).orElseThrow().filename()).startsWith("CN-");
    }

    @Test
    void concurrentRefundRequestsRefundOncePerKeyAndNeverMoreThanWasPaid() throws Exception {
        Paid p = paidOrder();
        BigDecimal total = amount(order(p).path("total"));
        String admin = steppedUpAdmin();
        String key = "same-" + UUID.randomUUID();
        List<Api.Response> sameKey = concurrently(8, () -> adminRefund(admin, p.orderId(), "25.00", "EUR", key));
        assertThat(sameKey).allMatch(r -> r.status() == 201 || r.status() == 200);
        assertThat(sameKey.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(sameKey.stream().map(r -> r.json().path("id").asString()).distinct()).hasSize(1);

        String quarter = total.divide(BigDecimal.valueOf(4), 2, RoundingMode.DOWN).toPlainString();
        List<Api.Response> many = concurrently(8, () -> adminRefund(admin, p.orderId(), quarter, "EUR",
                "k-" + UUID.randomUUID()));
        assertThat(many).allMatch(r -> r.status() == 201 || r.code().equals("refund_exceeds_balance"));
        long created = many.stream().filter(r -> r.status() == 201).count();
        assertThat(created).isEqualTo(3);
        awaitRefundsSettled(p);
        BigDecimal refunded = amount(order(p).path("refunded"));
        assertThat(refunded).isLessThanOrEqualTo(total);
        assertThat(refunded).isEqualByComparingTo(new BigDecimal("25.00").add(new BigDecimal(quarter)
                .multiply(BigDecimal.valueOf(3))));
        assertThat(ledgerCheck().path("differences").size()).isZero();
    }

    private static List<Api.Response> concurrently(int n, Callable<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Api.Response> all = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                all.add(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invoicesOfOrdersPaidAtTheSameTimeGetConsecutiveNumbersWithoutGapsOrDuplicates() throws Exception {
        String panel = createPanel(50, "100.00");
        List<String[]> pending = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String access = login(registerVerifiedCustomer(), PASSWORD).access();
            String orderId = placeOrder(access, panel, 1).json().path("id").asString();
            String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, access).json()
                    .path("paymentId").asString();
            pending.add(new String[] { access, orderId, paymentId });
        }
        List<Integer> index = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        List<Api.Response> confirmed = concurrently(6, () -> {
            String[] p;
            synchronized (index) {
                p = pending.get(index.remove(0));
            }
            return api.post("/api/v1/payments/sandbox/" + p[2] + "/confirm", Map.of(), p[0]);
        });
        assertThat(confirmed).allMatch(r -> r.status() == 200);
        List<Integer> numbers = new ArrayList<>();
        String year = null;
        for (String[] p : pending) {
            String number = order(new Paid(new Customer(null, p[0]), p[1])).path("documents").get(0).path("number")
                    .asString();
            year = number.substring(4, 8);
            numbers.add(Integer.parseInt(number.substring(9)));
        }
        numbers.sort(Integer::compareTo);
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.get(5) - numbers.get(0)).isEqualTo(5);
        Integer issued = jdbc.queryForObject("select count(*) from billing_documents where doc_type = 'INVOICE' "
                + "and doc_year = ?", Integer.class, Integer.parseInt(year));
        Long highest = jdbc.queryForObject("select max(sequence_no) from billing_documents where doc_type = 'INVOICE' "
                + "and doc_year = ?", Long.class, Integer.parseInt(year));
        assertThat(highest).isEqualTo(issued.longValue());
    }

    @Test
    void aRandomMixOfPaymentsRefundsCancellationsAndPayoutsLeavesEveryBalanceAsTheRecordsSay() {
        List<Runnable> operations = new ArrayList<>(List.of(
                () -> paidOrder(),
                () -> {
                    Paid p = paidOrder();
                    api.post("/api/v1/orders/" + p.orderId() + "/cancel", null, p.customer().access());
                },
                () -> {
                    Held h = assignedJob();
                    api.post("/api/v1/orders/" + h.paid().orderId() + "/cancel", null, h.customer().access());
                },
                () -> {
                    Paid p = paidOrder();
                    adminRefund(steppedUpAdmin(), p.orderId(), "12.34", "EUR", "mix-" + UUID.randomUUID());
                },
                () -> confirm(reportedJob()),
                () -> {
                    Held h = completedJob();
                    adminRefund(steppedUpAdmin(), h.paid().orderId(), "7.00", "EUR", "mix-" + UUID.randomUUID());
                }));
        Collections.shuffle(operations, new Random(17));
        operations.forEach(Runnable::run);
        eventually("every refund settled", () -> jdbc.queryForObject(
                "select count(*) from refunds where status = 'PENDING'", Integer.class) == 0);
        JsonNode report = ledgerCheck();
        assertThat(report.path("orders").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(report.path("differences").size()).as(report.toString()).isZero();

        // An order paid before the ledger began (0.12.0) is outside it: counted as legacy, not as a difference.
        Paid old = paidOrder();
        jdbc.update("delete from ledger_entries where order_id = ?", old.orderId());
        jdbc.update("update orders set paid_at = ? where id = ?", Timestamp.valueOf("2025-06-01 12:00:00"),
                old.orderId());
        JsonNode withLegacy = ledgerCheck();
        assertThat(withLegacy.path("legacyOrders").asInt()).isPositive();
        assertThat(withLegacy.path("differences").size()).as(withLegacy.toString()).isZero();

        // The check is not blind: money booked twice behind the application's back is found.
        String someOrder = jdbc.queryForObject("select order_id from ledger_entries where kind = 'CAPTURE' "
                + "order by created_at desc limit 1", String.class);
        String rogue = UUID.randomUUID().toString();
        jdbc.update("insert into ledger_entries (id, order_id, kind, from_account, to_account, amount, currency, "
                + "reference, created_at) values (?, ?, 'CAPTURE', 'CUSTOMER', 'HELD', 1.00, 'EUR', ?, "
                + "current_timestamp)", rogue, someOrder, rogue);
        try {
            JsonNode found = ledgerCheck();
            assertThat(found.path("differences").size()).isPositive();
            assertThat(found.path("differences").get(0).path("orderId").asString()).isEqualTo(someOrder);
        } finally {
            jdbc.update("delete from ledger_entries where id = ?", rogue);
        }
    }

    @Test
    void theBackOfficeIsForAdminsOnly() {
        Paid p = paidOrder();
        String customer = p.customer().access();
        assertThat(api.get("/api/v1/admin/orders", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/orders").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/orders/" + p.orderId(), customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/ledger/check", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/orders/" + UUID.randomUUID(), adminToken()).status()).isEqualTo(404);

        Api.Response byEmail = api.get("/api/v1/admin/orders?email=" + p.customer().email().substring(0, 12),
                adminToken());
        assertThat(byEmail.status()).as(byEmail.toString()).isEqualTo(200);
        assertThat(byEmail.json().path("items").toString()).contains(p.orderId());
        Api.Response wildcard = api.get("/api/v1/admin/orders?email=%25", adminToken());
        assertThat(wildcard.json().path("items").size()).isZero();
        Api.Response byStatus = api.get("/api/v1/admin/orders?status=PAID&minTotal=0.01&size=100", adminToken());
        assertThat(byStatus.status()).isEqualTo(200);
        byStatus.json().path("items").forEach(r -> assertThat(r.path("status").asString()).isEqualTo("PAID"));
        assertThat(api.get("/api/v1/admin/orders?status=NOPE", adminToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/orders?minTotal=abc", adminToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/orders?from=2026-12-02&to=2026-12-01", adminToken()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/admin/orders?to=%2B999999999-12-31", adminToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/ledger.csv?from=%2B999999999-12-31&to=%2B999999999-12-31", adminToken())
                .status()).isEqualTo(400);
    }
}
