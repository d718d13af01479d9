package com.sundispatch.dispatch.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.support.ClosedLoopLoad;
import com.sundispatch.support.ClosedLoopLoad.Call;
import com.sundispatch.support.ClosedLoopLoad.Result;
import com.sundispatch.shared.Money;
import com.sundispatch.SunDispatchApplication;
import com.sundispatch.identity.internal.PepperedBcryptPasswordEncoder;
import com.sundispatch.orders.OrderPaid;
import com.sundispatch.security.AccessTokens;
import com.sundispatch.security.Secrets;

/**
 * Not a test: the load benchmark of BENCHMARKS.md. Starts the server with the prod profile (every control on:
 * JWT, revocation check, rate limits (raised), redacted JSON request log, audit), seeds 1,000 panels, 10,000
 * customers and 2,000 installers, then measures throughput and latency per scenario with 32 concurrent clients,
 * the bounds (health endpoint, bcrypt) and the login-flood isolation. Run with
 * {@code ./mvnw verify -Pbenchmark -Dit.test=LoadBenchmark} (H2) or add {@code ,mariadb} (MariaDB + Redis).
 */
class LoadBenchmark {

    private static final int CLIENTS = 32;
    private static final Duration WARMUP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(10);
    private static final String PASSWORD = "Sunny-meadow-lantern-2931";


    private ConfigurableApplicationContext app;
    private HttpClient http;
    private String base;

    @Test
    void loadBenchmark() throws Exception {
        String db = System.getProperty("it.datasource.url", "");
        String redis = System.getProperty("it.redis.url", "");
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--SUNDISPATCH_JWT_SECRET=" + random(), "--SUNDISPATCH_PASSWORD_PEPPER=" + random(),
                "--SUNDISPATCH_DATA_KEY=" + random(), "--SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=" + random(),
                // The prod profile refuses to start without these.
                "--SUNDISPATCH_ALLOWED_HOSTS=localhost", "--SUNDISPATCH_PUBLIC_BASE_URL=https://sundispatch.example",
                "--sundispatch.rate-limit.auth-per-minute=100000000", "--sundispatch.rate-limit.ip-per-minute=100000000",
                "--sundispatch.rate-limit.user-per-minute=100000000", "--sundispatch.monitoring.failed-logins-per-ip=100000000",
                "--sundispatch.identity.hashing-queue=256",
                // All 32 benchmark clients share one address.
                "--sundispatch.security.transport.max-concurrent-requests-per-client=256",
                "--logging.threshold.console=WARN", "--logging.file.name=target/benchmarks/server.log",
                "--logging.structured.format.file=com.sundispatch.monitoring.internal.RedactingJsonFormatter"));
        if (db.isBlank()) {
            args.add("--spring.datasource.url=jdbc:h2:mem:load;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        } else {
            args.add("--spring.datasource.url=" + db);
            args.add("--spring.datasource.username=" + System.getProperty("it.datasource.username", ""));
            args.add("--spring.datasource.password=" + System.getProperty("it.datasource.password", ""));
        }
        if (!redis.isBlank()) {
            args.add("--spring.data.redis.url=" + redis);
            args.add("--sundispatch.redis.key-prefix=bench-" + UUID.randomUUID() + ":");
        }
        String setup = (db.isBlank() ? "H2 in memory" : "MariaDB 10.11") + (redis.isBlank() ? ", in-process limits"
                : " + Redis 7");
        app = new SpringApplicationBuilder(SunDispatchApplication.class).profiles("prod").run(args.toArray(String[]::new));
        try {
            base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            run(setup);
        } finally {
            app.close();
        }
    }

    private void run(String setup) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        Seed seed = seed(jdbc);
        AccessTokens tokens = app.getBean(AccessTokens.class);
        String[] bearer = new String[CLIENTS * 2];
        for (int i = 0; i < bearer.length; i++) {
            bearer[i] = tokens.issue(seed.customers.get(i), List.of("CUSTOMER"), UUID.randomUUID().toString(), false)
                    .value();
        }
        List<Result> results = new ArrayList<>();
        Result health = measure("GET /actuator/health (ceiling)", CLIENTS, c -> get("/actuator/health", null));
        results.add(health);
        Result catalog = measure("GET /api/v1/catalog/panels (anonymous)", CLIENTS,
                c -> get("/api/v1/catalog/panels?size=20&sort=price", null));
        results.add(catalog);
        Result me = measure("GET /api/v1/me (JWT + revocation + limits + log)", CLIENTS, c -> get("/api/v1/me", bearer[c]));
        results.add(me);
        results.add(measure("GET /api/v1/orders", CLIENTS, c -> get("/api/v1/orders", bearer[c])));
        AtomicInteger nextCustomer = new AtomicInteger(CLIENTS * 2);
        results.add(measure("POST /api/v1/orders (stock reservation)", CLIENTS, c -> {
            int n = nextCustomer.getAndIncrement();
            String customer = seed.customers.get(n % seed.customers.size());
            String token = tokens.issue(customer, List.of("CUSTOMER"), "bench-" + n, false).value();
            String panel = seed.panels.get(n % seed.panels.size());
            Instant start = Instant.now().plus(Duration.ofDays(10));
            return post("/api/v1/orders", "{\"items\":[{\"panelId\":\"" + panel + "\",\"quantity\":2}],\"installation\":{"
                    + "\"addressLine\":\"Benchstrasse 1\",\"city\":\"Berlin\",\"postalCode\":\"10117\",\"country\":\"DE\","
                    + "\"latitude\":52.5,\"longitude\":13.4,\"preferredStart\":\"" + start + "\",\"preferredEnd\":\""
                    + start.plus(Duration.ofHours(8)) + "\"}}", token, 201);
        }));
        AtomicInteger nextLogin = new AtomicInteger();
        Result logins = measure("POST /api/v1/auth/login (bcrypt cost 12)", 8, c -> post("/api/v1/auth/login",
                "{\"email\":\"" + seed.emails.get(nextLogin.getAndIncrement() % seed.emails.size()) + "\",\"password\":\""
                        + PASSWORD + "\"}", null, 200));
        results.add(logins);
        Dispatcher dispatcher = app.getBean(Dispatcher.class);
        Random r = new Random(7);
        results.add(measure("candidate search (2,000 installers, 25 km, K=3)", CLIENTS, c -> {
            Instant start = Instant.now().plus(Duration.ofDays(7));
            Job job = new Job(UUID.randomUUID().toString(), new OrderPaid("evt_b", "b", "b", "pay_b", Money.eur(BigDecimal.TEN), Instant.now(),
                    47.5 + r.nextDouble() * 7,
                    6.5 + r.nextDouble() * 8, start, start.plus(Duration.ofHours(8)), 10, "a", "b", "1", "DE", null),
                    Instant.now());
            dispatcher.candidates(job, 25, java.util.Set.of(), 3);
            return true;
        }));

        // Bound for logins: cores / time of one hash at the configured cost.
        PepperedBcryptPasswordEncoder encoder = new PepperedBcryptPasswordEncoder(app.getBean(Secrets.class)
                .passwordPepper(), 12);
        encoder.encode("warm-up");
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            encoder.encode(PASSWORD + i);
        }
        double hashMs = (System.nanoTime() - t0) / 1e6 / 10;
        int cores = Runtime.getRuntime().availableProcessors();
        double bcryptBound = cores * 1000.0 / hashMs;

        // Login flood isolation: 64 clients hammer login while 8 read the catalog.
        Result quietCatalog = measure("catalog, 8 readers, no flood", 8, c -> get("/api/v1/catalog/panels?size=20", null));
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Thread> flood = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Thread t = new Thread(() -> {
                while (flooding.get()) {
                    try {
                        post("/api/v1/auth/login", "{\"email\":\"" + seed.emails.get(nextLogin.getAndIncrement()
                                % seed.emails.size()) + "\",\"password\":\"" + PASSWORD + "\"}", null, 0);
                    } catch (Exception ignored) {
                        // refused (503) or slow: that is the point of the flood
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            flood.add(t);
        }
        Result floodedCatalog;
        try {
            floodedCatalog = measure("catalog, 8 readers, 64 login clients flooding", 8,
                    c -> get("/api/v1/catalog/panels?size=20", null));
        } finally {
            flooding.set(false);
        }
        for (Thread t : flood) {
            t.join(15_000);
        }

        StringBuilder report = new StringBuilder();
        report.append("Setup: ").append(setup).append(", prod profile, ").append(cores).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(Instant.now()).append('\n')
                .append("Rate limits raised to 100,000,000/min for the benchmark; every other control on.\n\n")
                .append("| scenario | clients | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|\n");
        results.forEach(x -> report.append(x.row()).append('\n'));
        report.append(quietCatalog.row()).append('\n').append(floodedCatalog.row()).append('\n');
        report.append(String.format(Locale.ROOT, "%nbcrypt cost 12: %.0f ms per hash; bound %.1f logins/s on %d cores; "
                + "measured %.1f logins/s = %.0f %% of the bound%n", hashMs, bcryptBound, cores, logins.perSecond(),
                100 * logins.perSecond() / bcryptBound));
        report.append(String.format(Locale.ROOT, "/me at %.0f %% of health throughput (target >= 60 %%); catalog at "
                + "%.0f %% (target >= 40 %%); p99 at %d clients: /me %.1f ms, catalog %.1f ms (target < 50 ms)%n",
                100 * me.perSecond() / health.perSecond(), 100 * catalog.perSecond() / health.perSecond(), CLIENTS,
                me.p99(), catalog.p99()));
        System.out.println(report);
        Path out = Path.of("target/benchmarks/load-" + (setup.startsWith("H2") ? "h2" : "mariadb") + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private record Seed(List<String> panels, List<String> customers, List<String> emails) {
    }

    private Seed seed(JdbcTemplate jdbc) {
        String hash = app.getBean(com.sundispatch.identity.internal.PasswordHashing.class).hash(PASSWORD);
        Timestamp now = Timestamp.from(Instant.now());
        Random random = new Random(42);
        List<String> panels = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String id = UUID.randomUUID().toString();
            panels.add(id);
            rows.add(new Object[] { id, "Bench Panel " + i, "Maker " + (i % 40), 350 + random.nextInt(350),
                    new java.math.BigDecimal("21.5"), new java.math.BigDecimal(100 + random.nextInt(200) + ".00"), "EUR",
                    1_000_000, 25, "/assets/panels/mono-black.svg", false, now, now, 0 });
        }
        jdbc.batchUpdate("insert into panels (id, name, manufacturer, watts_peak, efficiency_percent, price, currency, "
                + "stock, warranty_years, photo_urls, retired, created_at, updated_at, version) values "
                + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        List<String> customers = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        rows.clear();
        for (int i = 0; i < 10_000; i++) {
            String id = UUID.randomUUID().toString();
            String email = "bench-" + id.substring(0, 13) + "@example.test";
            customers.add(id);
            emails.add(email);
            rows.add(new Object[] { id, email, hash, "Bench Customer", "CUSTOMER", true, false, now, now });
        }
        List<Object[]> installers = new ArrayList<>();
        List<Object[]> profiles = new ArrayList<>();
        List<Object[]> slots = new ArrayList<>();
        Instant window = Instant.now().plus(Duration.ofDays(7));
        for (int i = 0; i < 2000; i++) {
            String id = UUID.randomUUID().toString();
            installers.add(new Object[] { id, "inst-" + id.substring(0, 13) + "@example.test", hash, "Bench Installer",
                    "INSTALLER", true, false, now, now });
            profiles.add(new Object[] { id, "Bench Solar", "LIC-" + i, 47.3 + random.nextDouble() * 7.7,
                    5.9 + random.nextDouble() * 9.1, 30 + random.nextInt(70), "+49 30 000000", 0, 0, now });
            slots.add(new Object[] { UUID.randomUUID().toString(), id, Timestamp.from(window.minus(Duration.ofHours(4))),
                    Timestamp.from(window.plus(Duration.ofHours(12))) });
        }
        String users = "insert into users (id, email, password_hash, full_name, role, email_verified, mfa_enabled, "
                + "created_at, updated_at) values (?,?,?,?,?,?,?,?,?)";
        jdbc.batchUpdate(users, rows);
        jdbc.batchUpdate(users, installers);
        jdbc.batchUpdate("insert into installer_profiles (user_id, company_name, license_number, base_latitude, "
                + "base_longitude, service_radius_km, phone, rating_sum, rating_count, approved_at) values "
                + "(?,?,?,?,?,?,?,?,?,?)", profiles);
        jdbc.batchUpdate("insert into availability_slots (id, installer_id, start_at, end_at) values (?,?,?,?)", slots);
        return new Seed(panels, customers, emails);
    }


    private Result measure(String name, int clients, Call call) throws InterruptedException {
        return ClosedLoopLoad.measure(name, clients, WARMUP, MEASURE, call);
    }

    private boolean get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private boolean post(String path, String json, String token, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        int status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        return expected == 0 || status == expected;
    }

    private static String random() {
        byte[] b = new byte[48];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
