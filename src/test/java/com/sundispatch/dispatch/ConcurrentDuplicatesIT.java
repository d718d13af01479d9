package com.sundispatch.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.sundispatch.orders.OrderPaid;
import com.sundispatch.shared.WebhookSignature;
import com.sundispatch.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent duplicates are conflicts with a stable code (or idempotent successes), never a 500. */
class ConcurrentDuplicatesIT extends DispatchFixtures {

    private static final byte[] SECRET = "test-fixture-webhook-0123456789-abcdefghijklm".getBytes(StandardCharsets.UTF_8);

    private static List<Api.Response> atOnce(int n, Callable<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aConfirmationRacingADisputeLetsExactlyOneOfThemWin() throws Exception {
        Held held = reportedJob();
        String access = held.customer().access();
        List<Api.Response> answers = atOnce(10, () -> Math.random() < 0.5
                ? api.post("/api/v1/installations/" + held.jobId() + "/confirm", null, access)
                : api.post("/api/v1/installations/" + held.jobId() + "/dispute",
                        Map.of("reason", "Something is not right here."), access));
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.code()).as(r.toString()).isEqualTo("invalid_state"));
        String order = orderStatus(held.paid());
        String job = api.get("/api/v1/orders/" + held.paid().orderId() + "/installation", access).json()
                .path("status").asString();
        assertThat(order).isIn("COMPLETED", "DISPUTED");
        assertThat(job).isEqualTo(order);
    }

    @Test
    void tenConcurrentReviewsOfOneJobGiveOne201AndNine409AlreadyReviewed() throws Exception {
        Held held = completedJob();
        String jobId = held.jobId();
        Paid paid = held.paid();

        List<Api.Response> answers = atOnce(10, () -> api.post("/api/v1/installations/" + jobId + "/review",
                Map.of("rating", 5, "comment", "Great"), paid.customer().access()));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409)
                .hasSize(9).allSatisfy(r -> assertThat(r.code()).isEqualTo("already_reviewed"));
        assertThat(api.get("/api/v1/orders/" + paid.orderId() + "/installation", paid.customer().access()).json()
                .path("installer").path("rating").asDouble()).isEqualTo(5.0);
    }

    @Test
    void concurrentDuplicatePaymentWebhooksWithOneEventIdAllAnswer200AndActOnce() throws Exception {
        String panel = createPanel(10, "100.00");
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        String orderId = placeOrder(access, panel, 2).json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, access).json()
                .path("paymentId").asString();
        String body = "{\"id\":\"evt_dup_" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999)
                + "\",\"type\":\"payment.succeeded\",\"paymentId\":\"" + paymentId + "\",\"orderId\":\"" + orderId
                + "\"}";
        String signature = WebhookSignature.header(SECRET, clock.instant().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));

        List<Api.Response> answers = atOnce(10, () -> api.send("POST", "/api/v1/payments/webhook", body, null,
                Map.of("X-Signature", signature)));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(answers).filteredOn(r -> r.body().contains("\"processed\"")).hasSize(1);
        assertThat(events.of(OrderPaid.class)).filteredOn(e -> e.orderId().equals(orderId)).hasSize(1);
        assertThat(api.get("/api/v1/orders/" + orderId, access).json().path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void concurrentInstallerApplicationsNeverExceedTheLimitAndNever500() throws Exception {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        Map<String, Object> base = baseAddressAt(52.5, 13.4);
        List<Api.Response> answers = atOnce(10, () -> api.post("/api/v1/installers/applications", Map.of(
                "companyName", "Sun & Sons GmbH", "licenseNumber", "LIC-123456", "baseAddress", base,
                "serviceRadiusKm", 50, "phone", "+49 30 5550100"), access));

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isIn(201, 409);
            if (r.status() == 409) {
                assertThat(r.code()).isIn("too_many_applications", "application_in_progress");
            }
        });
        long created = answers.stream().filter(r -> r.status() == 201).count();
        assertThat(created).isBetween(1L, 3L);
        assertThat(api.get("/api/v1/installers/applications", access).json().path("totalItems").asLong())
                .isEqualTo(created);
    }
}
