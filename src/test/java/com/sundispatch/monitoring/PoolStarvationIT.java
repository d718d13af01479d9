package com.sundispatch.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.sundispatch.shared.WebhookSignature;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small pool and three times as many concurrent payment webhooks for orders nobody can take: every one ends
 * UNASSIGNED and writes its audit event, none waits for a second connection, and an unrelated request is served
 * meanwhile. (Before the fix each request held its connection while asking for another one for the audit event,
 * and the pool starved until its timeout.)
 */
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=4",
        // A few seconds, with headroom for the shared 2-core build machine: with starvation every request would
        // hold its connection and wait the full timeout for a second one (and its audit event would be lost).
        "spring.datasource.hikari.connection-timeout=10000" })
class PoolStarvationIT extends IntegrationTest {

    private static final int POOL = 4;
    private static final byte[] SECRET = "test-fixture-webhook-0123456789-abcdefghijklm".getBytes(StandardCharsets.UTF_8);

    private record Pending(String orderId, String body) {
    }

    @Test
    void threeTimesThePoolOfUnassignableWebhooksAllAnswerQuicklyAndEveryAuditEventIsStored() throws Exception {
        String admin = adminToken();
        String panel = createPanel(200, "100.00");
        // Somewhere no installer works (the other tests place theirs between 55 S and 55 N).
        double lat = -80 + ThreadLocalRandom.current().nextDouble(-5, 5);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        List<Pending> pending = new ArrayList<>();
        String customerEmail = null;
        String customer = null;
        for (int i = 0; i < 3 * POOL; i++) {
            if (i % 4 == 0) {
                customerEmail = registerVerifiedCustomer();
                customer = login(customerEmail, PASSWORD).access();
            }
            Map<String, Object> where = installationAt(lat, lon);
            Api.Response order = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel,
                    "quantity", 2)), "installation", where), customer);
            assertThat(order.status()).as(order.toString()).isEqualTo(201);
            String orderId = order.json().path("id").asString();
            String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, customer).json()
                    .path("paymentId").asString();
            pending.add(new Pending(orderId, "{\"id\":\"evt_pool_" + orderId.replace("-", "")
                    + "\",\"type\":\"payment.succeeded\",\"paymentId\":\"" + paymentId + "\",\"orderId\":\""
                    + orderId + "\"}"));
        }
        String loginEmail = customerEmail;
        Instant before = clock.instant().minusSeconds(1);

        ExecutorService threads = Executors.newFixedThreadPool(pending.size() + 2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> webhooks = new ArrayList<>();
        for (Pending p : pending) {
            String signature = WebhookSignature.header(SECRET, clock.instant().getEpochSecond(),
                    p.body().getBytes(StandardCharsets.UTF_8));
            webhooks.add(threads.submit(() -> {
                go.await();
                return api.send("POST", "/api/v1/payments/webhook", p.body(), null, Map.of("X-Signature", signature));
            }));
        }
        Future<Api.Response> catalog = threads.submit(() -> {
            go.await();
            return api.get("/api/v1/catalog/panels?size=5");
        });
        Future<Api.Response> signIn = threads.submit(() -> {
            go.await();
            return api.post("/api/v1/auth/login", Map.of("email", loginEmail, "password", PASSWORD));
        });
        long started = System.nanoTime();
        go.countDown();
        for (Future<Api.Response> f : webhooks) {
            Api.Response r = f.get(30, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(catalog.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(signIn.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        threads.shutdown();
        // Within a few seconds (about one on an idle machine; the bound leaves room for a loaded CI box).
        assertThat(took).as("all webhooks answered").isLessThan(Duration.ofSeconds(20));

        Api.Response audit = api.get("/api/v1/admin/audit-events?type=JOB_UNASSIGNED&size=100&from=" + before, admin);
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        String trail = audit.json().path("items").toString();
        for (Pending p : pending) {
            assertThat(trail).as("JOB_UNASSIGNED audit event of order " + p.orderId()).contains(p.orderId());
        }
    }
}
