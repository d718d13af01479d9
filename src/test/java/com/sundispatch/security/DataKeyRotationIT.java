package com.sundispatch.security;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.SunDispatchApplication;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.StepUp;
import com.sundispatch.support.TestGeocoder;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data-key rotation end to end, with three application starts on one database of their own (never the suite's:
 * the suite's cached context keeps the test key): key A stores a phone, an order's address and the admin's TOTP
 * secret; key B with A as previous reads them all and the admin batch re-encrypts them under B; key B alone still
 * reads everything.
 */
class DataKeyRotationIT {

    private static final String KEY_A = "rotation-fixture-key-a-0123456789-abcdefghijkl";
    private static final String KEY_B = "rotation-fixture-key-b-9876543210-zyxwvutsrqpo";
    private static final String PHONE = "+49 30 4445566";
    private static final String STREET = "Rotationsweg 7";

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private String databaseUrl;
    private String adminSecret;
    private final Deque<String> recoveryCodes = new ArrayDeque<>();
    private long lastStep = Long.MIN_VALUE;

    @BeforeEach
    void ownDatabase() throws Exception {
        String shared = System.getProperty("it.datasource.url", "");
        if (shared.isBlank()) {
            databaseUrl = "jdbc:h2:mem:rotation-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            return;
        }
        // The suite's MariaDB database with "_rotation" appended, dropped and created afresh for each run.
        int slash = shared.lastIndexOf('/');
        int query = shared.indexOf('?', slash);
        String name = (query < 0 ? shared.substring(slash + 1) : shared.substring(slash + 1, query)) + "_rotation";
        databaseUrl = shared.substring(0, slash + 1) + name + (query < 0 ? "" : shared.substring(query));
        try (Connection c = DriverManager.getConnection(shared, System.getProperty("it.datasource.username", ""),
                System.getProperty("it.datasource.password", "")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext start(String key, String previous) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + databaseUrl,
                "--sundispatch.secrets.data-key=" + key, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + Mailbox.port(), "--sundispatch.places.geocoder-url=" + TestGeocoder.url()));
        if (previous != null) {
            args.add("--sundispatch.secrets.data-key-previous=" + previous);
        }
        if (!System.getProperty("it.datasource.url", "").isBlank()) {
            args.add("--spring.datasource.username=" + System.getProperty("it.datasource.username", ""));
            args.add("--spring.datasource.password=" + System.getProperty("it.datasource.password", ""));
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SunDispatchApplication.class)
                .profiles("test").run(args.toArray(String[]::new));
        running.add(ctx);
        return ctx;
    }

    private void close(ConfigurableApplicationContext ctx) {
        ctx.close();
        running.remove(ctx);
    }

    private static Api api(ConfigurableApplicationContext ctx) {
        return new Api(((WebServerApplicationContext) ctx).getWebServer().getPort());
    }

    /** The key id as the docs define it, computed here independently of the cipher. */
    private static String kid(String key) throws Exception {
        byte[] derived = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("sundispatch-data-key-id:".getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(derived)).substring(0, 8);
    }

    private String nextCode() {
        long step = TotpCodes.step(Instant.now());
        for (long s = step - 1; s <= step + 1; s++) {
            if (s > lastStep) {
                lastStep = s;
                return TotpCodes.code(adminSecret, s);
            }
        }
        return recoveryCodes.pop();
    }

    /** First start: the bootstrap admin turns MFA on (its TOTP secret is one of the sealed values). */
    private String adminWithMfa(Api api) {
        Api.Response login = api.post("/api/v1/auth/login",
                Map.of("email", IntegrationTest.ADMIN_EMAIL, "password", IntegrationTest.ADMIN_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String access = login.json().path("accessToken").asString();
        StepUp.withPassword(api, access, IntegrationTest.ADMIN_PASSWORD);
        Api.Response setup = api.post("/api/v1/me/mfa/totp/setup", null, access);
        assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
        adminSecret = setup.json().path("secret").asString();
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable", Map.of("code", nextCode()), access);
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        enabled.json().path("recoveryCodes").forEach(c -> recoveryCodes.add(c.asString()));
        Api.Response refreshed = api.post("/api/v1/auth/refresh",
                Map.of("refreshToken", login.json().path("refreshToken").asString()));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        return refreshed.json().path("accessToken").asString();
    }

    /** A later start: the admin signs in with a TOTP code, which only works if the sealed secret still opens. */
    private String adminSignIn(Api api, boolean totp) {
        Api.Response login = api.post("/api/v1/auth/login",
                Map.of("email", IntegrationTest.ADMIN_EMAIL, "password", IntegrationTest.ADMIN_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().path("mfaRequired").asBoolean()).isTrue();
        Api.Response verified = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken",
                login.json().path("mfaToken").asString(), "code", totp ? nextCode() : recoveryCodes.pop()));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.json().path("accessToken").asString();
    }

    private static String customerLogin(Api api, String email) {
        Api.Response r = api.post("/api/v1/auth/login", Map.of("email", email, "password", IntegrationTest.PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("accessToken").asString();
    }

    private static void allSealedUnder(JdbcTemplate jdbc, String kid) {
        List<String> values = new ArrayList<>();
        values.addAll(jdbc.queryForList("select phone from users where phone is not null", String.class));
        values.addAll(jdbc.queryForList("select totp_secret from users where totp_secret is not null", String.class));
        values.addAll(jdbc.queryForList("select address_line from orders", String.class));
        values.addAll(jdbc.queryForList("select exact_location from orders", String.class));
        assertThat(values).hasSizeGreaterThanOrEqualTo(4).allSatisfy(v -> assertThat(v).startsWith("v2:" + kid + ":"));
    }

    @Test
    void aRotatedKeyReadsEverythingTheBatchReEncryptsAndTheOldKeyCanThenGo() throws Exception {
        // 1. Key A: a customer with a phone, an order with an address, the admin's TOTP secret.
        ConfigurableApplicationContext a = start(KEY_A, null);
        Api apiA = api(a);
        String admin = adminWithMfa(apiA);
        String email = "rotation-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        IntegrationTest.register(apiA, email, IntegrationTest.PASSWORD, "Rosa Rotation");
        String token = Mailbox.token(IntegrationTest.awaitVerificationMail(email));
        assertThat(apiA.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        String customer = customerLogin(apiA, email);
        StepUp.withPassword(apiA, customer, IntegrationTest.PASSWORD);
        assertThat(apiA.send("PATCH", "/api/v1/me", Map.of("phone", PHONE), customer, Map.of()).status())
                .isEqualTo(200);
        Api.Response panel = apiA.post("/api/v1/admin/catalog/panels", Map.of("name", "Rotation Panel", "manufacturer",
                "Testwerk", "wattsPeak", 450, "efficiencyPercent", 21.5, "price", new BigDecimal("100.00"), "stock",
                20, "warrantyYears", 25, "photoUrls", List.of("/assets/panels/mono-black.svg")), admin);
        assertThat(panel.status()).as(panel.toString()).isEqualTo(201);
        Instant start = Instant.now().plus(Duration.ofDays(7));
        Api.Response order = apiA.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId",
                panel.json().path("id").asString(), "quantity", 2)), "installation", Map.of("addressLine", STREET,
                "city", "Berlin", "postalCode", "10117", "country", "DE", "latitude", 52.5170, "longitude", 13.3889,
                "preferredStart", start.toString(), "preferredEnd", start.plus(Duration.ofHours(8)).toString())),
                customer);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.json().path("id").asString();
        allSealedUnder(a.getBean(JdbcTemplate.class), kid(KEY_A));
        close(a);

        // 2. Key B with A as the previous key: everything reads, the batch moves it all under B.
        ConfigurableApplicationContext b = start(KEY_B, KEY_A);
        Api apiB = api(b);
        JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
        String customerB = customerLogin(apiB, email);
        assertThat(apiB.get("/api/v1/me", customerB).json().path("phone").asString()).isEqualTo(PHONE);
        assertThat(apiB.get("/api/v1/orders/" + orderId, customerB).body()).contains(STREET);
        String adminB = adminSignIn(apiB, true);

        assertThat(apiB.get("/api/v1/admin/data-key", null).status()).isEqualTo(401);
        assertThat(apiB.get("/api/v1/admin/data-key", customerB).status()).isEqualTo(403);
        assertThat(apiB.post("/api/v1/admin/data-key/reencrypt", null, customerB).status()).isEqualTo(403);
        Api.Response before = apiB.get("/api/v1/admin/data-key", adminB);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().path("keyId").asString()).isEqualTo(kid(KEY_B));
        assertThat(before.json().path("previousKeyConfigured").asBoolean()).isTrue();
        assertThat(before.json().path("pending").asLong()).isGreaterThanOrEqualTo(4);

        Api.Response withoutStepUp = apiB.post("/api/v1/admin/data-key/reencrypt", null, adminB);
        assertThat(withoutStepUp.status()).isEqualTo(403);
        assertThat(withoutStepUp.json().path("code").asString()).isEqualTo("reauthentication_required");
        StepUp.withPassword(apiB, adminB, IntegrationTest.ADMIN_PASSWORD);
        Api.Response batch = apiB.post("/api/v1/admin/data-key/reencrypt", null, adminB);
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.json().path("reencrypted").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(batch.json().path("failed").asLong()).isZero();
        assertThat(batch.json().path("pending").asLong()).isZero();
        allSealedUnder(jdbc, kid(KEY_B));

        Api.Response again = apiB.post("/api/v1/admin/data-key/reencrypt", null, adminB);
        assertThat(again.json().path("reencrypted").asLong()).isZero();
        assertThat(again.json().path("pending").asLong()).isZero();
        assertThat(apiB.get("/api/v1/admin/data-key", adminB).json().path("pending").asLong()).isZero();
        IntegrationTest.eventually("the re-encryption is audited", () -> jdbc.queryForObject(
                "select count(*) from audit_events where type = 'DATA_KEY_REENCRYPTED'", Integer.class) >= 1);
        close(b);

        // 3. Key B alone: the old key is gone and nothing needed it.
        ConfigurableApplicationContext c = start(KEY_B, null);
        Api apiC = api(c);
        String customerC = customerLogin(apiC, email);
        assertThat(apiC.get("/api/v1/me", customerC).json().path("phone").asString()).isEqualTo(PHONE);
        assertThat(apiC.get("/api/v1/orders/" + orderId, customerC).body()).contains(STREET);
        String adminC = adminSignIn(apiC, true);
        Api.Response status = apiC.get("/api/v1/admin/data-key", adminC);
        assertThat(status.json().path("previousKeyConfigured").asBoolean()).isFalse();
        assertThat(status.json().path("pending").asLong()).isZero();
    }
}
