package com.sundispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances behind an imaginary load balancer, sharing the database and Redis: what one
 * instance revokes or counts, the other sees. Runs where Redis is configured (the mariadb profile in CI).
 */
@EnabledIfSystemProperty(named = "it.redis.url", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final String PASSWORD = "Sunny-meadow-lantern-2931";
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static Api a;
    private static Api b;
    private static String redisPrefix;
    /**
     * Small limits refill slowly (one token every 15 s per address, 10 s per user), so the tests' own run time,
     * even on a busy machine, adds none and every count is exact.
     */
    private static final int IP_LIMIT = 4;
    private static final int USER_LIMIT = 6;

    @BeforeAll
    static void startTwoInstances() {
        String prefix = "sd-scaleout-" + UUID.randomUUID() + ":";
        redisPrefix = prefix;
        String db = System.getProperty("it.datasource.url", "");
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.data.redis.url=" + System.getProperty("it.redis.url"),
                "--sundispatch.redis.key-prefix=" + prefix,
                "--sundispatch.rate-limit.auth-per-minute=3",
                "--sundispatch.rate-limit.ip-per-minute=" + IP_LIMIT,
                "--sundispatch.rate-limit.user-per-minute=" + USER_LIMIT,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + Mailbox.port()));
        if (db.isBlank()) {
            args.add("--spring.datasource.url=jdbc:h2:mem:scaleout;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        } else {
            args.add("--spring.datasource.url=" + db);
            args.add("--spring.datasource.username=" + System.getProperty("it.datasource.username", ""));
            args.add("--spring.datasource.password=" + System.getProperty("it.datasource.password", ""));
        }
        for (int i = 0; i < 2; i++) {
            instances.add(new SpringApplicationBuilder(SunDispatchApplication.class).profiles("test")
                    .run(args.toArray(String[]::new)));
        }
        a = new Api(port(instances.get(0)));
        b = new Api(port(instances.get(1)));
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @Test
    @Order(1)
    void logoutOnOneInstanceIsRefusedOnTheOther() {
        String email = "scale-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        // Registration answers 202; the account exists once its verification mail went out.
        Map<String, String> client = from("192.0.2.10");
        assertThat(a.send("POST", "/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "fullName", "Ada Lovelace"), null, client).status()).isEqualTo(202);
        IntegrationTest.awaitVerificationMail(email);
        Api.Response login = a.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD),
                null, client);
        String access = login.json().path("accessToken").asString();
        assertThat(b.send("GET", "/api/v1/me", null, access, from("192.0.2.11")).status()).isEqualTo(200);

        assertThat(a.send("POST", "/api/v1/auth/logout", null, access, from("192.0.2.11")).status()).isEqualTo(204);
        assertThat(b.send("GET", "/api/v1/me", null, access, from("192.0.2.12")).status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void rateLimitSpentOnOneInstanceIsSpentOnTheOther() {
        // Three auth requests a minute per address for the pair: spend them on A alone.
        Map<String, String> client = from("192.0.2.20");
        for (int i = 0; i < 3; i++) {
            assertThat(a.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "bogus"), null, client)
                    .status()).isEqualTo(401);
        }
        Api.Response onB = b.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "bogus"), null, client);
        assertThat(onB.status()).isEqualTo(429);
        assertThat(onB.code()).isEqualTo("rate_limited");
    }

    /** A new account, registered and signed in on A from {@code home}: its access token. */
    private static String signedIn(String emailPrefix, Map<String, String> home) {
        String email = emailPrefix + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        assertThat(a.send("POST", "/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "fullName", "Ada Lovelace"), null, home).status()).isEqualTo(202);
        IntegrationTest.awaitVerificationMail(email);
        return a.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null,
                home).json().path("accessToken").asString();
    }

    /** A client at its own documentation address (the test profile trusts the loopback as a proxy). */
    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    /** {@code threads} clients at once, {@code each} requests apiece, alternately on A and B: the statuses. */
    private static List<Integer> concurrently(int threads, int each, IntFunction<Integer> request)
            throws InterruptedException {
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        statuses.add(request.apply(thread * each + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }

    @Test
    @Order(3)
    void perAddressLimitIsExactAcrossInstancesUnderConcurrency() throws InterruptedException {
        // 32 clients behind one address, 2 requests each, spread over both instances: exactly the limit passes.
        Map<String, String> client = from("203.0.113.31");
        List<Integer> statuses = concurrently(32, 2, i -> (i % 2 == 0 ? a : b)
                .send("GET", "/api/v1/public/info", null, null, client).status());
        assertThat(statuses).hasSize(64);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(IP_LIMIT);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(64 - IP_LIMIT);
        Api.Response refused = b.send("GET", "/api/v1/public/info", null, null, client);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        // Another address has its own bucket.
        assertThat(a.send("GET", "/api/v1/public/info", null, null, from("203.0.113.32")).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void perUserLimitIsExactAcrossInstancesAndAddresses() throws InterruptedException {
        String access = signedIn("scale-user-", from("198.51.100.7"));
        // From 16 addresses at once (one request each, none near its own limit), on both instances: the user's
        // budget is exact.
        List<Integer> statuses = concurrently(16, 1, i -> (i % 2 == 0 ? a : b)
                .send("GET", "/api/v1/me", null, access, from("198.51.100." + (20 + i))).status());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(USER_LIMIT);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(16 - USER_LIMIT);
        Api.Response refused = a.send("GET", "/api/v1/me", null, access, from("198.51.100.99"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
    }

    @Test
    @Order(5)
    void scriptIsLoadedAgainAfterScriptFlush() {
        Map<String, String> client = from("203.0.113.77");
        for (int i = 0; i < IP_LIMIT / 2; i++) {
            assertThat(a.send("GET", "/api/v1/public/info", null, null, client).status()).isEqualTo(200);
        }
        RedisClient redis = RedisClient.create(System.getProperty("it.redis.url"));
        try (StatefulRedisConnection<String, String> c = redis.connect()) {
            assertThat(c.sync().scriptFlush()).isEqualTo("OK");
            // The bucket itself lives on in Redis (with a TTL), so the count carries on after the reload.
            assertThat(c.sync().keys(redisPrefix + "rl2:ip:203.0.113.77*")).hasSize(1);
            assertThat(c.sync().pttl(c.sync().keys(redisPrefix + "rl2:ip:203.0.113.77*").get(0))).isPositive();
        } finally {
            redis.shutdown();
        }
        int allowed = 0;
        for (int i = 0; i < IP_LIMIT; i++) {
            if ((i % 2 == 0 ? a : b).send("GET", "/api/v1/public/info", null, null, client).status() == 200) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(IP_LIMIT - IP_LIMIT / 2);
    }

    @Test
    @Order(6)
    void perAddressLimitIsExactAcrossInstancesForSignedInAndForgedTokensToo() throws InterruptedException {
        Map<String, String> home = from("198.51.100.40");
        String access = signedIn("scale-mixed-", home);
        String forged = access.substring(0, access.lastIndexOf('.') + 1) + "A".repeat(43);
        // Another address: 32 clients, 2 requests each, alternately on A and B, half signed in and half with a
        // forged token. The address's budget (smaller than the user's) is exact, whatever the requests carry:
        // the signed-in ones take it in the same Redis call as the revocation check, the forged ones as their
        // 401 is written.
        Map<String, String> client = from("203.0.113.41");
        List<Integer> statuses = concurrently(32, 2, i -> (i % 2 == 0 ? a : b)
                .send("GET", "/api/v1/me", null, i % 4 < 2 ? access : forged, client).status());
        assertThat(statuses).hasSize(64);
        assertThat(statuses.stream().filter(s -> s != 429).count()).isEqualTo(IP_LIMIT);
        assertThat(statuses).containsOnly(200, 401, 429);
        assertThat(b.send("GET", "/api/v1/me", null, forged, client).status()).isEqualTo(429);
        assertThat(a.send("GET", "/api/v1/me", null, access, client).status()).isEqualTo(429);
        // The same user from its home address is still served.
        assertThat(b.send("GET", "/api/v1/me", null, access, home).status()).isEqualTo(200);
    }
}
