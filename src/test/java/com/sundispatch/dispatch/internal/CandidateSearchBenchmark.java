package com.sundispatch.dispatch.internal;

import java.math.BigDecimal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sundispatch.shared.Money;
import com.sundispatch.orders.OrderPaid;

/**
 * Not a test: a benchmark of the nearest-installer search with 100,000 installers spread over Germany. Run with
 * {@code ./mvnw verify -Pbenchmark} (H2) or {@code ./mvnw verify -Pbenchmark,mariadb}; it prints p50/p99 and
 * writes them to target/benchmarks/candidate-search.txt. Performance is reported, never asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "sundispatch.demo-data.enabled=false", "sundispatch.identity.bootstrap-admin-email=" })
@ActiveProfiles("test")
class CandidateSearchBenchmark {

    private static final int INSTALLERS = 100_000;
    private static final int WARMUP = 300;
    private static final int MEASURED = 2_000;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = System.getProperty("it.datasource.url", "");
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> System.getProperty("it.datasource.username", ""));
            registry.add("spring.datasource.password", () -> System.getProperty("it.datasource.password", ""));
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Dispatcher dispatcher;

    @Test
    void nearestInstallerSearchWith100kInstallers() throws IOException {
        Random random = new Random(42);
        Instant now = Instant.now();
        Instant windowStart = now.plus(Duration.ofDays(7));
        long seedStart = System.nanoTime();
        seed(random, now, windowStart);
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

        long[] nanos = new long[MEASURED];
        int candidatesFound = 0;
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            Job job = job(47.5 + random.nextDouble() * 7.3, 6.2 + random.nextDouble() * 8.6, windowStart);
            long t = System.nanoTime();
            List<CandidateRanking.Ranked> found = dispatcher.candidates(job, 25, Set.of(), 3);
            long elapsed = System.nanoTime() - t;
            if (i >= WARMUP) {
                nanos[i - WARMUP] = elapsed;
                candidatesFound += found.size();
            }
        }
        Arrays.sort(nanos);
        String db = jdbc.queryForObject("select 1", Integer.class) != null
                ? System.getProperty("it.datasource.url", "").isBlank() ? "H2 (in-memory, MySQL mode)" : "MariaDB"
                : "?";
        String report = String.format("""
                Candidate search, %d installers over Germany, radius 25 km, K=3, %s
                seeded in %d ms; %d searches after %d warm-up
                p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; mean candidates returned %.2f
                """, INSTALLERS, db, seedMillis, MEASURED, WARMUP, nanos[MEASURED / 2] / 1e6,
                nanos[MEASURED * 95 / 100] / 1e6, nanos[MEASURED * 99 / 100] / 1e6, nanos[MEASURED - 1] / 1e6,
                candidatesFound / (double) MEASURED);
        System.out.println(report);
        Path out = Path.of("target/benchmarks/candidate-search-" + (db.startsWith("H2") ? "h2" : "mariadb") + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static Job job(double lat, double lon, Instant start) {
        return new Job(UUID.randomUUID().toString(), new OrderPaid("evt_bench", "bench", "bench-customer", "pay_bench",
                Money.eur(BigDecimal.TEN), Instant.now(), lat, lon, start,
                start.plus(Duration.ofHours(8)), 10, "Benchstr. 1", "Bench", "10000", "DE", null), Instant.now());
    }

    private void seed(Random random, Instant now, Instant windowStart) {
        Integer existing = jdbc.queryForObject("select count(*) from installer_profiles", Integer.class);
        if (existing != null && existing >= INSTALLERS) {
            return;
        }
        String hash = "{pbcrypt}$2b$10$abcdefghijklmnopqrstuuJ8vK0Wq2m3x4y5z6A7B8C9D0E1F2G3H4";
        int batch = 2_000;
        for (int start = 0; start < INSTALLERS; start += batch) {
            List<Object[]> users = new ArrayList<>();
            List<Object[]> profiles = new ArrayList<>();
            List<Object[]> slots = new ArrayList<>();
            for (int i = start; i < start + batch; i++) {
                String id = UUID.randomUUID().toString();
                Timestamp ts = Timestamp.from(now);
                users.add(new Object[] { id, "bench-" + id + "@example.test", hash, "Bench Installer", "INSTALLER", true,
                        false, ts, ts });
                profiles.add(new Object[] { id, "Bench Solar", "LIC-" + i, 47.3 + random.nextDouble() * 7.7,
                        5.9 + random.nextDouble() * 9.1, 10 + random.nextInt(90), "+49 30 000000", 0, 0, ts });
                // Half of them are free for the benchmark's window.
                if (random.nextBoolean()) {
                    slots.add(new Object[] { UUID.randomUUID().toString(), id,
                            Timestamp.from(windowStart.minus(Duration.ofHours(4))),
                            Timestamp.from(windowStart.plus(Duration.ofHours(12))) });
                }
            }
            jdbc.batchUpdate("insert into users (id, email, password_hash, full_name, role, email_verified, "
                    + "mfa_enabled, created_at, updated_at) values (?,?,?,?,?,?,?,?,?)", users);
            jdbc.batchUpdate("insert into installer_profiles (user_id, company_name, license_number, base_latitude, "
                    + "base_longitude, service_radius_km, phone, rating_sum, rating_count, approved_at) "
                    + "values (?,?,?,?,?,?,?,?,?,?)", profiles);
            jdbc.batchUpdate("insert into availability_slots (id, installer_id, start_at, end_at) values (?,?,?,?)",
                    slots);
        }
    }
}
