package com.sundispatch.owasp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;
import com.sundispatch.shared.WebhookSignature;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.TestDns;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A10 and the outside edges: installer webhooks without SSRF, signed deliveries, CORS, allowed hosts. */
class A10SsrfIT extends IntegrationTest {

    private record Received(String signature, String eventId, byte[] body) {
    }

    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Signature"),
                    exchange.getRequestHeaders().getFirst("X-SunDispatch-Event-Id"), body));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String installer(double lat, double lon) {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        String appId = api.post("/api/v1/installers/applications", Map.of("companyName", "Hook & Co",
                "licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999), "baseAddress",
                baseAddressAt(lat, lon), "serviceRadiusKm", 50, "phone", "+49 30 5550100"), access).json().path("id")
                .asString();
        api.post("/api/v1/admin/installers/applications/" + appId + "/approve", Map.of(), adminToken());
        String fresh = login(email, PASSWORD).access();
        Instant start = clock.instant().plus(Duration.ofDays(7));
        api.send("PUT", "/api/v1/installer/availability", Map.of("slots", List.of(Map.of("start",
                start.minus(Duration.ofHours(1)).toString(), "end", start.plus(Duration.ofHours(10)).toString()))),
                fresh, Map.of());
        stepUp(fresh); // registering or removing the webhook needs a recent step-up
        return fresh;
    }

    /** Places and pays an order at a unique address at this point; returns its street line. */
    private String paidOrderAt(double lat, double lon) {
        String panel = createPanel(20, "100.00");
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        Map<String, Object> where = new HashMap<>(installationAt(lat, lon));
        String orderId = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 2)),
                "installation", where), customer).json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, customer).json()
                .path("paymentId").asString();
        assertThat(api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), customer).status())
                .isEqualTo(200);
        return (String) where.get("addressLine");
    }

    private List<JsonNode> deliveries(String access) {
        List<JsonNode> list = new ArrayList<>();
        api.get("/api/v1/installer/webhook/deliveries", access).json().forEach(list::add);
        return list;
    }

    private void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }

    /** Sends the webhook PUT; kept in one place so a later requirement on that call changes one method. */
    private Api.Response putWebhook(String access, String url) {
        return api.send("PUT", "/api/v1/installer/webhook", Map.of("url", url), access, Map.of());
    }

    @Test
    void webhookRegistrationRefusesEveryUnsafeUrlWithOneIdenticalAnswer() {
        String access = installer(10, 10);
        TestDns.answer("private.hooks.test", List.of("192.168.1.20"));
        TestDns.answer("mixed.hooks.test", List.of("93.184.216.34", "10.0.0.8"));
        TestDns.answer("empty.hooks.test", List.of());
        // Refused for different reasons: not resolvable, private, loopback, metadata, bad port, http, credentials.
        List<String> refused = List.of(
                "http://hooks.example.com/x",
                "https://admin:pw@hooks.example.com/x",
                "https://hooks.example.com:8443/x",
                "https://169.254.169.254/latest/meta-data/",
                "https://2130706433/",
                "https://0x7f000001/",
                "https://[::1]/",
                "https://[::ffff:10.0.0.1]/",
                "https://private.hooks.test/x",
                "https://mixed.hooks.test/x",
                "https://unknown.hooks.test/x",
                "https://empty.hooks.test/x",
                "https://localhost/x",
                "https://hooks.example.com/x#frag",
                "file:///etc/passwd");
        String first = null;
        for (String url : refused) {
            Api.Response r = putWebhook(access, url);
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.code()).as(url).isEqualTo("unsafe_url");
            // Byte for byte the same body, apart from the instance (the path, identical here anyway).
            String body = r.body().replaceAll("\"instance\":\"[^\"]*\"", "\"instance\":\"\"");
            if (first == null) {
                first = body;
            }
            assertThat(body).as(url).isEqualTo(first);
            assertThat(body).as(url).doesNotContain("resolve", "private", "loopback", "rule");
        }
        assertThat(api.get("/api/v1/installer/webhook", access).status()).isEqualTo(404);
        assertThat(putWebhook(newCustomerSession().access(), "https://x.example").status()).isEqualTo(403);
    }

    @Test
    void refusedWebhookUrlsKeepTheirRuleInTheAuditTrailOnly() throws Exception {
        String access = installer(11, 11);
        TestDns.answer("private2.hooks.test", List.of("10.1.2.3"));
        assertThat(putWebhook(access, "https://private2.hooks.test/x").status()).isEqualTo(400);
        assertThat(putWebhook(access, "https://gone.hooks.test/x").status()).isEqualTo(400);
        await(() -> api.get("/api/v1/admin/audit-events?type=WEBHOOK_URL_REFUSED&size=100", adminToken()).json()
                .path("items").size() >= 2);
        String audit = api.get("/api/v1/admin/audit-events?type=WEBHOOK_URL_REFUSED&size=100", adminToken()).body();
        assertThat(audit).contains("public_address", "resolvable_host");
    }

    @Test
    void offersAreDeliveredSignedToTheLocalReceiverThroughTheDevAllowList() throws Exception {
        String access = installer(-20.5, 30.25);
        String url = "http://receiver.test:" + receiver.getAddress().getPort() + "/hook";
        Api.Response registered = api.send("PUT", "/api/v1/installer/webhook", Map.of("url", url), access, Map.of());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        String secret = registered.json().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/installer/webhook", access).body()).doesNotContain(secret);

        String street = paidOrderAt(-20.5, 30.26);
        await(() -> !received.isEmpty());
        Received r = received.peek();
        assertThat(WebhookSignature.verify(secret.getBytes(StandardCharsets.UTF_8), r.signature(), r.body(),
                Instant.now())).isTrue();
        JsonNode event = Api.JSON.readTree(r.body());
        assertThat(event.path("type").asString()).isEqualTo("offer.created");
        assertThat(event.path("data").path("offerId").asString()).isNotBlank();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(street, "Ada");
        await(() -> !deliveries(access).isEmpty());
        assertThat(deliveries(access).get(0).path("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(deliveries(access).get(0).path("httpStatus").asInt()).isEqualTo(204);
    }

    @Test
    void webhookCanBeReadAndRemovedOnlyByItsInstaller() {
        String access = installer(-10.5, 120.25);
        String url = "http://receiver.test:" + receiver.getAddress().getPort() + "/hook";
        api.send("PUT", "/api/v1/installer/webhook", Map.of("url", url), access, Map.of());
        assertThat(api.get("/api/v1/installer/webhook", access).json().path("url").asString()).isEqualTo(url);
        Tokens customer = newCustomerSession();
        assertThat(api.get("/api/v1/installer/webhook", customer.access()).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/installer/webhook", null, customer.access(), Map.of()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/installer/webhook/deliveries").status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/v1/installer/webhook", null, access, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/installer/webhook", access).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/installer/webhook", null, access, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void failedDeliveriesAreRetriedWithBackoffCarryingTheSameEventId() throws Exception {
        String access = installer(-33.3, 150.8);
        api.send("PUT", "/api/v1/installer/webhook", Map.of("url", "http://receiver.test:"
                + receiver.getAddress().getPort() + "/hook"), access, Map.of());
        failuresLeft.set(2);
        paidOrderAt(-33.3, 150.81);
        await(() -> deliveries(access).size() >= 3);
        List<JsonNode> attempts = deliveries(access);
        assertThat(attempts).extracting(d -> d.path("outcome").asString())
                .containsExactly("SUCCEEDED", "FAILED", "FAILED");
        assertThat(attempts).extracting(d -> d.path("attempt").asInt()).containsExactly(3, 2, 1);
        assertThat(received).hasSize(3);
        // Retries come from the durable redelivery job: one event, one id, in every attempt and its record.
        String eventId = received.peek().eventId();
        assertThat(eventId).startsWith("evt_");
        assertThat(received).extracting(Received::eventId).containsOnly(eventId);
        assertThat(received).extracting(r -> Api.JSON.readTree(r.body()).path("id").asString()).containsOnly(eventId);
        assertThat(attempts).extracting(d -> d.path("eventId").asString()).containsOnly(eventId);
    }

    @Test
    void dnsRebindingToLoopbackAtDeliveryTimeIsRefusedAndNeverConnects() throws Exception {
        String access = installer(60.1, 24.9);
        // Checked at registration: a public address. At delivery the same name answers loopback.
        TestDns.answer("rebind.hooks.test", List.of("93.184.216.34"), List.of("127.0.0.1"));
        assertThat(api.send("PUT", "/api/v1/installer/webhook", Map.of("url", "https://rebind.hooks.test/hook"),
                access, Map.of()).status()).isEqualTo(200);
        paidOrderAt(60.1, 24.91);
        await(() -> !deliveries(access).isEmpty());
        JsonNode attempt = deliveries(access).get(0);
        assertThat(attempt.path("outcome").asString()).isEqualTo("REFUSED");
        // The installer sees only that the URL was refused, not why (no DNS oracle through the delivery list).
        assertThat(attempt.path("error").asString()).isEqualTo("unsafe_url");
        // One lookup when saved, one per delivery attempt: the address checked is the address used.
        assertThat(TestDns.lookups("rebind.hooks.test")).isEqualTo(2);
        // A refusal is final: no retry asks the name again.
        Thread.sleep(700);
        assertThat(deliveries(access)).hasSize(1);
        assertThat(TestDns.lookups("rebind.hooks.test")).isEqualTo(2);
    }

    @Test
    void corsAnswersOnlyTheConfiguredOriginExactly() {
        Api.Response allowed = api.send("OPTIONS", "/api/v1/me", null, null, Map.of("Origin",
                "https://app.sundispatch.test", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.sundispatch.test");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        Api.Response refused = api.send("OPTIONS", "/api/v1/me", null, null, Map.of("Origin",
                "https://evil.example", "Access-Control-Request-Method", "GET"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        Api.Response simple = api.send("GET", "/api/v1/public/info", null, null, Map.of("Origin",
                "https://evil.example"));
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
        Api.Response ok = api.send("GET", "/api/v1/public/info", null, null, Map.of("Origin",
                "https://app.sundispatch.test"));
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("https://app.sundispatch.test");
    }

    @Test
    void sameOriginBehindATlsProxyIsNotMistakenForCrossOrigin() {
        Api.Response r = api.send("POST", "/api/v1/auth/login", Map.of("email", "x@example.test", "password", "y"),
                null, Map.of("Origin", "https://localhost", "X-Forwarded-Proto", "https", "Host", "localhost"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Strict-Transport-Security")).contains("max-age=31536000");
        Api.Response plain = api.send("GET", "/api/v1/public/info", null, null, Map.of());
        assertThat(plain.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void hostHeaderOutsideTheAllowListIs400() {
        Api.Response refused = api.send("GET", "/api/v1/public/info", null, null, Map.of("Host", "evil.example"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("host_not_allowed");
        assertThat(api.send("GET", "/api/v1/public/info", null, null, Map.of("Host", "localhost:" + port)).status())
                .isEqualTo(200);
    }
}
