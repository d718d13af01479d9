package com.sundispatch.support;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port, driven over real HTTP. Runs on in-memory H2 by default and on a
 * real MariaDB/MySQL when {@code it.datasource.url} is set (the {@code mariadb} Maven profile).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IntegrationTest.TestClockConfiguration.class)
public abstract class IntegrationTest {

    public static final String PASSWORD = "Sunny-meadow-lantern-2931";
    public static final String ADMIN_EMAIL = "admin@sundispatch.test";
    public static final String ADMIN_PASSWORD = "Orbit-lantern-passphrase-42-quartz";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected Api api;

    @Autowired
    protected RecordedEvents events;

    /** A panel created through the admin API, with a unique name so tests can find it by search. */
    protected String createPanel(int stock, String price) {
        String name = "Test Panel " + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = api.post("/api/v1/admin/catalog/panels", Map.of("name", name, "manufacturer", "Testwerk",
                "wattsPeak", 450, "efficiencyPercent", 21.5, "price", new java.math.BigDecimal(price), "stock", stock,
                "warrantyYears", 25, "photoUrls", java.util.List.of("/assets/panels/mono-black.svg")), adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    protected int stockOf(String panelId) {
        return api.get("/api/v1/catalog/panels/" + panelId).json().path("stock").asInt();
    }

    /**
     * An installation block for orders: a week from now, in Berlin. The geocoder fake does not know the address,
     * so the gazetteer places it (postal-code precision); the pin is a correction well within the allowed km.
     */
    protected Map<String, Object> installation() {
        java.time.Instant start = clock.instant().plus(java.time.Duration.ofDays(7));
        return Map.of("addressLine", "Unter den Linden 1", "city", "Berlin", "postalCode", "10117", "country", "DE",
                "latitude", 52.5170, "longitude", 13.3889, "preferredStart", start.toString(),
                "preferredEnd", start.plus(java.time.Duration.ofHours(8)).toString());
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /**
     * A unique address that the geocoder fake places exactly at this point, so each test keeps its own spot on
     * the globe: "Teststraße n", postal code "T" and digits, town "Testort" and a random suffix, country DE.
     */
    public static TestGeocoder.Entry addressAt(double latitude, double longitude) {
        int n = ADDRESSES.incrementAndGet();
        return TestGeocoder.place("Teststraße " + n, "T" + (100000 + n % 900000),
                "Testort " + UUID.randomUUID().toString().substring(0, 8), "DE", latitude, longitude);
    }

    /** An installation block (a week from now, no coordinates) at a unique address at this point. */
    protected Map<String, Object> installationAt(double latitude, double longitude) {
        TestGeocoder.Entry e = addressAt(latitude, longitude);
        java.time.Instant start = clock.instant().plus(java.time.Duration.ofDays(7));
        return Map.of("addressLine", e.addressLine(), "city", e.city(), "postalCode", e.postalCode(), "country",
                e.country(), "preferredStart", start.toString(),
                "preferredEnd", start.plus(java.time.Duration.ofHours(8)).toString());
    }

    /** An installer's {@code baseAddress} at a unique address at this point. */
    protected Map<String, Object> baseAddressAt(double latitude, double longitude) {
        TestGeocoder.Entry e = addressAt(latitude, longitude);
        return Map.of("addressLine", e.addressLine(), "postalCode", e.postalCode(), "city", e.city(), "country",
                e.country());
    }

    protected Api.Response placeOrder(String access, String panelId, int quantity) {
        return api.post("/api/v1/orders", Map.of("items", java.util.List.of(Map.of("panelId", panelId,
                "quantity", quantity)), "installation", installation()), access);
    }
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }

        @Bean
        @Primary
        TestDns testDns() {
            return new TestDns();
        }

        @Bean
        WriteFaults writeFaults() {
            return new WriteFaults();
        }

        @Bean
        static ConnectionGuard connectionGuard() {
            return new ConnectionGuard();
        }
    }

    /** One key prefix per test JVM, so runs sharing a Redis server never see each other's counters. */
    /**
     * The signing certificate (SHA-256) of the Android apps every test context vouches for in assetlinks.json: made
     * up for the tests (not the public debug keystore's, which the prod profile refuses).
     */
    public static final String ANDROID_APP_CERT_SHA256 =
            "5E:11:D0:7A:42:9C:0B:E3:71:A8:26:F4:93:5D:C2:08:BF:64:1E:7D:A0:39:C5:86:2F:D1:4B:90:E7:13:6C:AA";
    public static final String IOS_APP_ID = "ABCDE12345.com.sundispatch.pro";

    public static final String REDIS_PREFIX = "sd-test-" + UUID.randomUUID() + ":";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        externalServices(registry::add);
    }

    /** The real MariaDB and Redis of the mariadb profile, and the test SMTP server, for any context. */
    public static void externalServices(java.util.function.BiConsumer<String, java.util.function.Supplier<Object>> add) {
        String url = System.getProperty("it.datasource.url", "");
        if (!url.isBlank()) {
            add.accept("spring.datasource.url", () -> url);
            add.accept("spring.datasource.username", () -> System.getProperty("it.datasource.username", ""));
            add.accept("spring.datasource.password", () -> System.getProperty("it.datasource.password", ""));
        }
        String redis = System.getProperty("it.redis.url", "");
        if (!redis.isBlank()) {
            add.accept("spring.data.redis.url", () -> redis);
            add.accept("sundispatch.redis.key-prefix", () -> REDIS_PREFIX);
        }
        add.accept("spring.mail.host", () -> "127.0.0.1");
        add.accept("spring.mail.port", () -> Mailbox.port());
        // Every context geocodes through the loopback Nominatim fake; what it does not know, the gazetteer places.
        add.accept("sundispatch.places.geocoder-url", TestGeocoder::url);
        // Every context pushes to the mobile apps through the loopback fake of Expo's push service.
        add.accept("sundispatch.push.expo.enabled", () -> "true");
        add.accept("sundispatch.push.expo.url", FakeExpoPush::url);
        add.accept("sundispatch.push.expo.access-token", () -> FakeExpoPush.ACCESS_TOKEN);
        // Receipts are read when a test calls ExpoPushReceipts.check(), never by the timer in between.
        add.accept("sundispatch.push.expo.receipt-check-interval", () -> "PT24H");
        // The mobile apps whose passkeys the site accepts (/.well-known files, android:apk-key-hash origin).
        add.accept("sundispatch.mobile.android-cert-sha256", () -> ANDROID_APP_CERT_SHA256);
        add.accept("sundispatch.mobile.ios-app-ids", () -> IOS_APP_ID);
    }

    @BeforeEach
    void setUpApi() {
        api = new Api(port);
        if (getClass().isAnnotationPresent(AnswersOnlyContract.class)) {
            api.answersOnlyContract();
        }
        // The OWASP attack suite sends what no document describes on purpose (and checks every answer itself).
        if (getClass().getPackageName().endsWith(".owasp")) {
            api.outsideContract();
        }
        OpenApiContract.takeViolations();
    }

    /**
     * Every exchange this test made through {@link Api} agreed with the server's OpenAPI document (see
     * {@link OpenApiContract}; the run's divergences per operation are in target/contract-violations.txt).
     */
    @AfterEach
    void exchangesHeldToTheDocument() {
        assertThat(OpenApiContract.takeViolations()).as("exchanges that diverge from /v3/api-docs").isEmpty();
    }

    @Autowired
    protected WriteFaults writeFaults;

    @Autowired
    private JdbcTemplate supportJdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
        AdminSession.rewind(supportJdbc, clock.instant());
        writeFaults.disarm();
    }

    /** No thread asked for a second pooled connection while holding one (see {@link ConnectionGuard}). */
    @AfterEach
    void noThreadHeldTwoConnections() {
        java.util.List<String> violations = ConnectionGuard.takeViolations();
        assertThat(violations).as("threads that asked for a second connection while holding one").isEmpty();
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    /**
     * Registers a customer and returns its email; the password is {@link #PASSWORD}. Registration answers 202
     * at once and creates the account afterwards, so this waits for the verification mail, which is sent only
     * once the account and its link are committed: after it returns, the account can sign in.
     */
    protected String registerCustomer() {
        String email = uniqueEmail();
        register(api, email, PASSWORD, "Ada Lovelace");
        awaitVerificationMail(email);
        return email;
    }

    /** Posts a registration and checks it was accepted (202, the one body); the account appears later. */
    public static Api.Response register(Api api, String email, String password, String fullName) {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", password, "fullName", fullName));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().path("status").asString()).isEqualTo("verification_sent");
        return r;
    }

    /** Waits (up to 10 s) until the account row of an accepted registration exists, for contexts without mail. */
    /** Waits up to 10 s for work the server hands off (audit events, alerts) to show; fails with {@code what}. */
    public static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Never happened: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static void awaitAccountRow(JdbcTemplate jdbc, String email) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Integer n = jdbc.queryForObject("select count(*) from users where email = ?", Integer.class, email);
            if (n != null && n > 0) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The account of the registration never appeared");
    }

    /** Waits until the account of a registration exists, shown by its verification mail; returns the mail. */
    public static MimeMessage awaitVerificationMail(String email) {
        return Mailbox.await(email, "Confirm your email");
    }

    protected Tokens login(String email, String password) {
        Api.Response r = api.post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new Tokens(r.json().path("accessToken").asString(), r.json().path("refreshToken").asString());
    }

    protected Tokens newCustomerSession() {
        return login(registerCustomer(), PASSWORD);
    }

    public record Tokens(String access, String refresh) {
    }

    /** Registers a customer and confirms its email through the mailed link; returns its email. */
    protected String registerVerifiedCustomer() {
        String email = registerCustomer();
        String token = Mailbox.token(awaitVerificationMail(email));
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        return email;
    }

    /** Step-up of this session with the password, as sensitive changes need it. */
    protected void stepUp(String access) {
        StepUp.withPassword(api, access, PASSWORD);
    }

    /** An access token of the bootstrap admin, with MFA on as admins must have it. */
    protected String adminToken() {
        return AdminSession.token(api, clock);
    }
}
