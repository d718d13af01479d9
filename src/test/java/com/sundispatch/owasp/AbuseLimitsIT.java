package com.sundispatch.owasp;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A07 / API4 with the production numbers: brute-force waits per account, the per-IP login block and the
 * rate limits. Its own application context, since the main suite raises these limits to run from one address.
 * Limits here live in the process (the scale-out test covers Redis); every test starts an hour later than
 * the one before, so buckets and blocks of earlier tests have run out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sundispatch.rate-limit.auth-per-minute=10",
        "sundispatch.rate-limit.ip-per-minute=300",
        "sundispatch.rate-limit.user-per-minute=600",
        "sundispatch.rate-limit.places-per-minute=60",
        "sundispatch.monitoring.failed-logins-per-ip=20",
        // Only the IPv6 loopback is a "proxy": the IP-block test plays a client at a documentation address
        // through it, while every other test comes from 127.0.0.1, whose forged X-Forwarded-For counts for nothing.
        "sundispatch.security.trusted-proxies=::1",
        "sundispatch.identity.bootstrap-admin-email=" })
@ActiveProfiles("test")
@Import(AbuseLimitsIT.ClockConfig.class)
class AbuseLimitsIT {

    private static final String PASSWORD = "Sunny-meadow-lantern-2931";
    private static final AtomicInteger HOURS = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock abuseClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String url = System.getProperty("it.datasource.url", "");
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> System.getProperty("it.datasource.username", ""));
            registry.add("spring.datasource.password", () -> System.getProperty("it.datasource.password", ""));
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", Mailbox::port);
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void freshHour() {
        api = new Api(port);
        clock.reset();
        clock.advance(Duration.ofHours(HOURS.incrementAndGet()));
        // Start at the beginning of a 10-minute window, so the per-IP count is not split across two.
        long intoWindow = clock.instant().toEpochMilli() % Duration.ofMinutes(10).toMillis();
        clock.advance(Duration.ofMillis(Duration.ofMinutes(10).toMillis() - intoWindow + 1000));
    }

    @AfterEach
    void keepClockMovingForward() {
        // Not reset: the next test moves on from an hour later still.
    }

    private String register() {
        String email = "abuse-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        // 202 at once; the account exists when its verification mail has gone out.
        IntegrationTest.register(api, email, PASSWORD, "Ada Lovelace");
        IntegrationTest.awaitVerificationMail(email);
        return email;
    }

    private Api.Response login(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    /** The auth bucket allows 10 a minute: move on a minute when it is spent. */
    private void nextMinute() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void loginWhenPasswordWrongFiveTimesThenAccountWaitsEvenWithTheRightPassword() {
        String email = register();
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "Wrong-password-" + i).code()).isEqualTo("invalid_credentials");
        }
        Api.Response sixth = login(email, PASSWORD);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.code()).isEqualTo("login_throttled");
        assertThat(sixth.header("Retry-After")).isEqualTo("1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
        // Success reset the count: one more failure does not make the account wait.
        assertThat(login(email, "Wrong-password-x").code()).isEqualTo("invalid_credentials");
        nextMinute();
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void accountWaitDoublesWithEachFurtherFailure() {
        String email = register();
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong-password-" + i);
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(email, "Wrong-password-6").code()).isEqualTo("invalid_credentials");
        Api.Response waiting = login(email, PASSWORD);
        assertThat(waiting.code()).isEqualTo("login_throttled");
        assertThat(waiting.header("Retry-After")).isEqualTo("2");
        clock.advance(Duration.ofSeconds(2));
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void unknownEmailIsThrottledExactlyLikeAKnownOne() {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.test";
        for (int i = 0; i < 5; i++) {
            assertThat(login(unknown, "Wrong-password-" + i).code()).isEqualTo("invalid_credentials");
        }
        Api.Response r = login(unknown, PASSWORD);
        assertThat(r.code()).isEqualTo("login_throttled");
        assertThat(r.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void twentyFailedLoginsFromOneIpBlockItsSignInsForFifteenMinutes() {
        String victim = register();
        Api viaProxy = new Api("[::1]", port);
        String attacker = "203.0.113." + (10 + HOURS.get() % 200);
        Map<String, String> from = Map.of("X-Forwarded-For", attacker);
        int failures = 0;
        while (failures < 20) {
            for (int i = 0; i < 9 && failures < 20; i++, failures++) {
                String someone = "guess-" + UUID.randomUUID() + "@example.test";
                assertThat(viaProxy.send("POST", "/api/v1/auth/login", Map.of("email", someone, "password",
                        "Wrong-password-1"), null, from).code()).isEqualTo("invalid_credentials");
            }
            nextMinute();
        }
        Api.Response blocked = viaProxy.send("POST", "/api/v1/auth/login", Map.of("email", victim, "password",
                PASSWORD), null, from);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("ip_blocked");
        assertThat(jdbc.queryForObject("select count(*) from alerts where type = 'IP_BLOCKED' and raised_at >= ?",
                Long.class, java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))))).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from ip_blocks where automatic = true and auth_only = true "
                + "and expires_at > ?", Long.class, java.sql.Timestamp.from(clock.instant()))).isPositive();
        // Only the sign-in endpoints are blocked automatically; browsing goes on, and other addresses sign in.
        assertThat(viaProxy.send("GET", "/api/v1/public/info", null, null, from).status()).isEqualTo(200);
        assertThat(login(victim, PASSWORD).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(viaProxy.send("POST", "/api/v1/auth/login", Map.of("email", victim, "password", PASSWORD), null,
                from).status()).isEqualTo(200);
    }

    @Test
    void authEndpointsAllowTenPerMinutePerIpThen429WithRetryAfter() {
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", "bogus-" + i)).status()).isEqualTo(401);
        }
        Api.Response limited = api.post("/api/v1/auth/refresh", Map.of("refreshToken", "bogus"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        // Other API paths are not part of the auth budget.
        assertThat(api.get("/api/v1/public/info").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(7));
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", "bogus")).status()).isEqualTo(401);
    }

    @Test
    void placeSearchAllowsSixtyPerMinutePerIpThen429AndOtherPathsGoOn() {
        clock.freeze();
        for (int i = 0; i < 60; i++) {
            String path = i % 2 == 0 ? "/api/v1/places/search?q=101" + (i % 10)
                    : "/api/v1/places/reverse?lat=52.52&lon=13.40";
            assertThat(api.get(path).status()).as(path).isEqualTo(200);
        }
        Api.Response limited = api.get("/api/v1/places/search?q=Berlin");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(api.get("/api/v1/places/reverse?lat=52.52&lon=13.40").status()).isEqualTo(429);
        assertThat(api.get("/api/v1/public/map").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(2));
        assertThat(api.get("/api/v1/places/search?q=Berlin").status()).isEqualTo(200);
    }

    @Test
    void quotesShareThePlacesLimitPerIp() {
        clock.freeze();
        for (int i = 0; i < 30; i++) {
            assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "latitude", 50, "longitude", 13))
                    .status()).isEqualTo(200);
            assertThat(api.get("/api/v1/places/search?q=101" + (i % 10)).status()).isEqualTo(200);
        }
        Api.Response limited = api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "latitude", 50, "longitude", 13));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(api.get("/api/v1/places/search?q=Berlin").status()).isEqualTo(429);
        assertThat(api.get("/api/v1/public/map").status()).isEqualTo(200);
    }

    @Test
    void percentEncodedAuthPathsShareTheAuthLimit() {
        for (int i = 0; i < 10; i++) {
            api.post("/api/v1/a%75th/refresh", Map.of("refreshToken", "x"));
        }
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", "x")).status()).isEqualTo(429);
        assertThat(api.post("/api/v1/a%75th/password-reset/request", Map.of("email", "a@example.test")).status())
                .isEqualTo(429);
    }

    @Test
    void forgedForwardedForDoesNotEscapeTheLimitWithoutTrustedProxies() {
        for (int i = 0; i < 10; i++) {
            api.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "x"), null,
                    Map.of("X-Forwarded-For", "198.51.100." + i));
        }
        Api.Response r = api.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "x"), null,
                Map.of("X-Forwarded-For", "203.0.113.77"));
        assertThat(r.status()).isEqualTo(429);
    }

    @Test
    void everyIpHas300RequestsAMinuteOverall() {
        clock.freeze();
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 330; i++) {
            int status = api.get("/api/v1/public/info").status();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                limited++;
            }
        }
        // Time stands still, so nothing refills during the burst: exactly 300.
        assertThat(ok).isEqualTo(300);
        assertThat(limited).isEqualTo(330 - ok);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void theAddressBudgetCountsAnonymousSignedInRevokedAndForgedRequestsAlike() {
        String email = register();
        String live = login(email, PASSWORD).json().path("accessToken").asString();
        String revoked = login(email, PASSWORD).json().path("accessToken").asString();
        assertThat(api.post("/api/v1/auth/logout", null, revoked).status()).isEqualTo(204);
        String[] parts = live.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + "A".repeat(parts[2].length());
        // A minute on, this address's bucket is full again; then time stands still.
        nextMinute();
        clock.freeze();
        Map<Integer, Integer> passed = new HashMap<>();
        Map<Integer, Integer> limited = new HashMap<>();
        for (int i = 0; i < 340; i++) {
            int kind = i % 4;
            Api.Response r = switch (kind) {
                case 0 -> api.get("/api/v1/public/info");
                case 1 -> api.get("/api/v1/me", live);
                case 2 -> api.get("/api/v1/me", revoked);
                default -> api.get("/api/v1/me", forged);
            };
            if (r.status() == 429) {
                assertThat(r.code()).isEqualTo("rate_limited");
                assertThat(r.header("Retry-After")).isNotBlank();
                limited.merge(kind, 1, Integer::sum);
            } else {
                assertThat(r.status()).isEqualTo(kind == 0 || kind == 1 ? 200 : 401);
                passed.merge(kind, 1, Integer::sum);
            }
        }
        // Exactly the 300 a minute, whatever the requests carried, and every kind was refused once it was spent.
        assertThat(passed.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(limited).containsOnlyKeys(0, 1, 2, 3);
        assertThat(limited.values()).containsOnly(10);
    }

    /** A fresh documentation /64 per test (and a neighbour), so earlier tests' buckets and blocks never count. */
    private static String slash64(int neighbour) {
        return "2001:db8:" + Integer.toHexString(HOURS.get()) + ":" + Integer.toHexString(0x100 + neighbour) + ":";
    }

    @Test
    void addressesInOneIpv6Slash64ShareOneRateLimitBucket() {
        Api viaProxy = new Api("[::1]", port);
        String net = slash64(0);
        // Ten different addresses, ten different spellings: one bucket of ten.
        for (int i = 0; i < 10; i++) {
            String host = Integer.toHexString(i + 1);
            String ip = i % 2 == 0 ? net + ":" + host : net + "0:0:0:" + host;
            assertThat(viaProxy.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "bogus-" + i), null,
                    Map.of("X-Forwarded-For", ip)).status()).as(ip).isEqualTo(401);
        }
        Api.Response limited = viaProxy.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "x"), null,
                Map.of("X-Forwarded-For", net + "dead:beef:cafe:1"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        // The next /64 has its own bucket.
        assertThat(viaProxy.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "x"), null,
                Map.of("X-Forwarded-For", slash64(1) + ":1")).status()).isEqualTo(401);
    }

    @Test
    void ipv4MappedIpv6SharesTheBucketOfItsIpv4Address() {
        Api viaProxy = new Api("[::1]", port);
        String ipv4 = "198.51.100." + (10 + HOURS.get() % 200);
        for (int i = 0; i < 10; i++) {
            String ip = i % 2 == 0 ? ipv4 : "::ffff:" + ipv4;
            viaProxy.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "x"), null,
                    Map.of("X-Forwarded-For", ip));
        }
        assertThat(viaProxy.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "x"), null,
                Map.of("X-Forwarded-For", "::ffff:" + ipv4)).status()).isEqualTo(429);
    }

    @Test
    void failedLoginsFromRotatingAddressesInOneSlash64BlockTheWholeSlash64Only() {
        String victim = register();
        Api viaProxy = new Api("[::1]", port);
        String net = slash64(0);
        int failures = 0;
        while (failures < 20) {
            for (int i = 0; i < 9 && failures < 20; i++, failures++) {
                // Every attempt from another address of the same /64.
                Map<String, String> from = Map.of("X-Forwarded-For", net + ":" + Integer.toHexString(failures + 1));
                assertThat(viaProxy.send("POST", "/api/v1/auth/login", Map.of("email", "guess-" + UUID.randomUUID()
                        + "@example.test", "password", "Wrong-password-1"), null, from).code())
                        .isEqualTo("invalid_credentials");
            }
            nextMinute();
        }
        Api.Response blocked = viaProxy.send("POST", "/api/v1/auth/login", Map.of("email", victim, "password",
                PASSWORD), null, Map.of("X-Forwarded-For", net + "ffff:ffff:ffff:fffe"));
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("ip_blocked");
        // One automatic block, for the /64.
        String cidr = "2001:db8:" + Integer.toHexString(HOURS.get()) + ":" + Integer.toHexString(0x100) + ":0:0:0:0/64";
        assertThat(jdbc.queryForObject("select count(*) from ip_blocks where automatic = true and cidr = ? "
                + "and expires_at > ?", Long.class, cidr, java.sql.Timestamp.from(clock.instant()))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from ip_blocks where automatic = true and cidr like ? "
                + "and expires_at > ?", Long.class, "2001:db8:" + Integer.toHexString(HOURS.get()) + ":%",
                java.sql.Timestamp.from(clock.instant()))).isEqualTo(1);
        // Another /64 signs in.
        assertThat(viaProxy.send("POST", "/api/v1/auth/login", Map.of("email", victim, "password", PASSWORD), null,
                Map.of("X-Forwarded-For", slash64(1) + ":1")).status()).isEqualTo(200);
    }
}
