package com.sundispatch;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sundispatch.catalog.internal.CatalogService;
import com.sundispatch.catalog.internal.PanelData;
import com.sundispatch.dispatch.internal.InstallerService;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.StepUp;
import com.sundispatch.support.TestDns;
import com.sundispatch.support.TestGeocoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox survives a stop: an offer is committed, its webhook is on its way but not yet accepted by the
 * receiver when the application stops; a new application on the same database delivers it, and the receiver,
 * de-duplicating by {@code X-SunDispatch-Event-Id}, sees every event exactly once.
 */
class EventDurabilityIT {

    private static final String PASSWORD = IntegrationTest.PASSWORD;

    private record Delivery(String eventId, String bodyId, String type) {
    }

    /** The tests' DNS, so {@code receiver.test} is this machine (the dev allow-list lets it through). */
    @Configuration(proxyBeanMethods = false)
    static class LoopbackReceiverDns {
        @Bean
        @Primary
        TestDns testDns() {
            return new TestDns();
        }
    }

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private HttpServer receiver;
    private ExecutorService receiverThreads;

    /** Requests answered while the first application still ran: held open, then refused (never accepted). */
    private final ConcurrentLinkedQueue<Delivery> refused = new ConcurrentLinkedQueue<>();
    /** Requests the receiver accepted (2xx): what it acts on. */
    private final ConcurrentLinkedQueue<Delivery> accepted = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean firstStopped = new AtomicBoolean();
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopEverything() {
        release.countDown();
        started.forEach(ConfigurableApplicationContext::close);
        if (receiver != null) {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    /** One database for both lives of the application: a named H2 that outlives the first, or the IT MariaDB. */
    private static List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + Mailbox.port(), "--sundispatch.places.geocoder-url=" + TestGeocoder.url()));
        String url = System.getProperty("it.datasource.url", "");
        if (url.isBlank()) {
            args.add("--spring.datasource.url=jdbc:h2:mem:durability-" + UUID.randomUUID()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        } else {
            args.add("--spring.datasource.url=" + url);
            args.add("--spring.datasource.username=" + System.getProperty("it.datasource.username", ""));
            args.add("--spring.datasource.password=" + System.getProperty("it.datasource.password", ""));
        }
        return args;
    }

    private ConfigurableApplicationContext start(List<String> args) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SunDispatchApplication.class,
                LoopbackReceiverDns.class).profiles("test").run(args.toArray(String[]::new));
        started.add(app);
        return app;
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiverThreads = Executors.newCachedThreadPool();
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/hook", this::receive);
        receiver.start();
    }

    private void receive(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Delivery d = new Delivery(exchange.getRequestHeaders().getFirst("X-SunDispatch-Event-Id"),
                    Api.JSON.readTree(body).path("id").asString(),
                    exchange.getRequestHeaders().getFirst("X-SunDispatch-Event"));
            if (!firstStopped.get()) {
                // The first application is still up: keep it waiting until it has been stopped, then say no.
                firstArrived.countDown();
                release.await(30, TimeUnit.SECONDS);
                refused.add(d);
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            accepted.add(d);
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The first application gave up waiting and closed the connection: nothing was accepted.
        } finally {
            exchange.close();
        }
    }

    @Test
    // Two cold starts on a busy machine; the waits inside are short deadlines, this only stops a hang.
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aWebhookOwedWhenTheApplicationStopsIsDeliveredExactlyOnceAfterItStartsAgain() throws Exception {
        startReceiver();
        List<String> args = arguments();
        ConfigurableApplicationContext first = start(args);
        Api api = api(first);
        // Admin decisions go through the services with a stand-in admin id: this database's admin has no sign-in
        // set-up of its own here (the suite's admin session belongs to the shared test database).
        String adminId = "durability-test-admin";
        double lat = ThreadLocalRandom.current().nextDouble(-55, 55);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        Instant windowStart = Instant.now().plus(Duration.ofDays(7));

        String installer = installerWithWebhook(first, api, adminId, lat, lon, windowStart);
        String panelId = first.getBean(CatalogService.class).create(adminId, new PanelData("Durable Panel "
                + UUID.randomUUID().toString().substring(0, 8), "Testwerk", 450, new BigDecimal("21.5"),
                new BigDecimal("100.00"), 50, 25, List.of("/assets/panels/mono-black.svg"))).id();
        paidOrder(api, panelId, lat, lon, windowStart);

        // The offer is committed and its delivery is under way, held by the receiver.
        assertThat(firstArrived.await(20, TimeUnit.SECONDS)).as("first delivery attempt arrived").isTrue();
        first.close();
        firstStopped.set(true);
        release.countDown();
        assertThat(accepted).isEmpty();

        ConfigurableApplicationContext second = start(args);
        awaitThat(() -> accepted.stream().anyMatch(d -> d.type().equals("offer.created")));
        // A moment for any duplicate (a second republication) to show up before counting.
        Thread.sleep(1000);

        assertThat(refused).extracting(Delivery::type).contains("offer.created");
        String offerEvent = refused.stream().filter(d -> d.type().equals("offer.created")).findFirst().orElseThrow()
                .eventId();
        assertThat(accepted).allSatisfy(d -> assertThat(d.bodyId()).isEqualTo(d.eventId()));
        Map<String, Long> byEvent = accepted.stream()
                .collect(Collectors.groupingBy(Delivery::eventId, Collectors.counting()));
        // The id the receiver de-duplicates by is the one it saw before the stop: after de-duplicating, it acts on
        // the offer exactly once.
        assertThat(byEvent).containsKey(offerEvent);
        assertThat(accepted.stream().filter(d -> d.type().equals("offer.created")).map(Delivery::eventId).distinct())
                .containsExactly(offerEvent);
        List<Map<String, Object>> succeeded = second.getBean(JdbcTemplate.class).queryForList(
                "select outcome from webhook_deliveries where event_id = ? and outcome = 'SUCCEEDED'", offerEvent);
        assertThat(succeeded).isNotEmpty();
        if (System.getProperty("it.datasource.url", "").isBlank()) {
            // Alone on its database, the application also sent it only once. (On the shared MariaDB the suite's
            // other live contexts redeliver failed publications too, as further instances would: the receiver's
            // de-duplication above is what guarantees once.)
            assertThat(byEvent.get(offerEvent)).isEqualTo(1L);
            assertThat(succeeded).hasSize(1);
        }
        assertThat(installer).isNotBlank();
    }

    /** Registers, verifies, applies, is approved, sets availability and a webhook; returns the installer's id. */
    private String installerWithWebhook(ConfigurableApplicationContext app, Api api, String adminId, double lat,
            double lon, Instant windowStart) {
        String email = verifiedAccount(api);
        String access = login(api, email);
        Api.Response applied = api.post("/api/v1/installers/applications", Map.of("companyName", "Durable Solar",
                "licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999), "baseAddress",
                baseAddress(IntegrationTest.addressAt(lat + 1 / 111.2, lon)), "serviceRadiusKm", 50,
                "phone", "+49 30 5550100"), access);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        app.getBean(InstallerService.class).approve(adminId, applied.json().path("id").asString());
        String fresh = login(api, email);
        Api.Response slots = api.send("PUT", "/api/v1/installer/availability", Map.of("slots", List.of(Map.of(
                "start", windowStart.minus(Duration.ofDays(1)).toString(),
                "end", windowStart.plus(Duration.ofDays(3)).toString()))), fresh, Map.of());
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        StepUp.withPassword(api, fresh, PASSWORD);
        Api.Response hook = api.send("PUT", "/api/v1/installer/webhook", Map.of("url", "http://receiver.test:"
                + receiver.getAddress().getPort() + "/hook"), fresh, Map.of());
        assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
        return api.get("/api/v1/me", fresh).json().path("id").asString();
    }

    private void paidOrder(Api api, String panelId, double lat, double lon, Instant start) {
        String access = login(api, verifiedAccount(api));
        TestGeocoder.Entry home = IntegrationTest.addressAt(lat, lon);
        Api.Response order = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panelId,
                "quantity", 6)), "installation", Map.of("addressLine", home.addressLine(), "city", home.city(),
                        "postalCode", home.postalCode(), "country", home.country(),
                        "preferredStart", start.toString(), "preferredEnd", start.plus(Duration.ofHours(8))
                                .toString())), access);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String paymentId = api.post("/api/v1/orders/" + order.json().path("id").asString() + "/payments", null,
                access).json().path("paymentId").asString();
        Api.Response confirmed = api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), access);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    }

    private static Map<String, Object> baseAddress(TestGeocoder.Entry e) {
        return Map.of("addressLine", e.addressLine(), "postalCode", e.postalCode(), "city", e.city(), "country",
                e.country());
    }

    private static String verifiedAccount(Api api) {
        String email = "durable-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        IntegrationTest.register(api, email, PASSWORD, "Ada Lovelace");
        String token = Mailbox.token(IntegrationTest.awaitVerificationMail(email));
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        return email;
    }

    private static String login(Api api, String email) {
        Api.Response r = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("accessToken").asString();
    }

    private static void awaitThat(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(25);
        }
        assertThat(condition.getAsBoolean()).as("condition within 30 s").isTrue();
    }
}
