package com.sundispatch.monitoring;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A09: request log, audit trail, alerts, IP blocks and metrics, over real HTTP. */
@ExtendWith(OutputCaptureExtension.class)
class MonitoringIT extends IntegrationTest {

    private static Map<String, String> from(String ip) {
        return Map.of("X-Forwarded-For", ip);
    }

    @Test
    void everyRequestGetsAnIdAndOneJsonLogLineWithoutQueryValues(CapturedOutput output) {
        Api.Response r = api.send("GET", "/api/v1/catalog/panels?q=secret-search-term", null, null,
                Map.of("X-Request-Id", "trace-1234abcd", "User-Agent", "RequestLogTest/1.0"));
        assertThat(r.header("X-Request-Id")).isEqualTo("trace-1234abcd");
        Api.Response unsafe = api.send("GET", "/api/v1/public/info", null, null,
                Map.of("X-Request-Id", "<script>alert(1)</script>"));
        assertThat(unsafe.header("X-Request-Id")).matches("[0-9a-f-]{36}");

        String line = output.getAll().lines().filter(l -> l.contains("\"requestId\":\"trace-1234abcd\"")
                && l.contains("\"message\":\"request\"")).findFirst().orElseThrow();
        JsonNode json = Api.JSON.readTree(line);
        assertThat(json.path("method").asString()).isEqualTo("GET");
        assertThat(json.path("path").asString()).isEqualTo("/api/v1/catalog/panels");
        assertThat(json.path("status").asInt()).isEqualTo(200);
        assertThat(json.has("durationMs")).isTrue();
        assertThat(json.path("clientIp").asString()).isNotBlank();
        assertThat(json.path("userAgent").asString()).isEqualTo("RequestLogTest/1.0");
        assertThat(output.getAll()).doesNotContain("secret-search-term");
        api.get("/api/v1/catalog/panels/4111%201111%201111%201111");
        assertThat(output.getAll()).doesNotContain("4111 1111 1111 1111").doesNotContain("4111%201111");
    }

    @Test
    void requestLogNamesTheAuthenticatedUser(CapturedOutput output) {
        Tokens t = newCustomerSession();
        String userId = api.get("/api/v1/me", t.access()).json().path("id").asString();
        api.send("GET", "/api/v1/me", null, t.access(), Map.of("X-Request-Id", "me-request-42"));
        assertThat(output.getAll().lines().filter(l -> l.contains("me-request-42") && l.contains("\"request\""))
                .findFirst().orElseThrow()).contains("\"userId\":\"" + userId + "\"");
    }

    @Test
    void forgedLogLinesInTheUserAgentStayOneEscapedLine(CapturedOutput output) {
        String forged = "Mozilla\n{\"level\":\"ERROR\",\"message\":\"forged-entry\"}";
        api.send("GET", "/api/v1/public/info", null, null, Map.of("User-Agent", forged.replace("\n", " "),
                "X-Request-Id", "forge-attempt-1"));
        // Raw CR/LF cannot cross HTTP (the client and Tomcat refuse them); quotes and braces can, and try to
        // close the JSON object early. The line must stay one valid object with the text as plain data.
        String breakout = "x\"},\"level\":\"ERROR\",\"message\":\"forged-entry\",\"y\":{\"z\":\"";
        api.send("GET", "/api/v1/public/info", null, null, Map.of("User-Agent", breakout,
                "X-Request-Id", "forge-attempt-2"));
        // Every line the server wrote is still one complete JSON object: nothing broke a line open.
        for (String l : output.getAll().lines().filter(l -> l.startsWith("{\"@timestamp\"")).toList()) {
            assertThat(Api.JSON.readTree(l).isObject()).isTrue();
        }
        String first = output.getAll().lines().filter(l -> l.contains("forge-attempt-1")).findFirst().orElseThrow();
        assertThat(Api.JSON.readTree(first).path("userAgent").asString()).isEqualTo(forged.replace("\n", " "));
        String line = output.getAll().lines().filter(l -> l.contains("forge-attempt-2")).findFirst().orElseThrow();
        JsonNode json = Api.JSON.readTree(line);
        assertThat(json.path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("message").asString()).isEqualTo("request");
        assertThat(json.path("userAgent").asString()).isEqualTo(breakout);
    }

    @Test
    void loginsAreAuditedAndOnlyAdminsReadTheTrail() {
        String email = registerCustomer();
        api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", "Wrong-password-1"), null,
                Map.of("User-Agent", "AuditTest/2.0"));
        Tokens t = login(email, PASSWORD);
        String userId = api.get("/api/v1/me", t.access()).json().path("id").asString();
        String admin = adminToken();

        Api.Response events = api.get("/api/v1/admin/audit-events?userId=" + userId + "&size=50", admin);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.json().path("items").findValuesAsString("type"))
                .contains("REGISTERED", "LOGIN_FAILED", "LOGIN_SUCCEEDED");
        JsonNode failed = null;
        for (JsonNode e : events.json().path("items")) {
            if (e.path("type").asString().equals("LOGIN_FAILED")) {
                failed = e;
            }
        }
        assertThat(failed.path("userAgent").asString()).isEqualTo("AuditTest/2.0");
        assertThat(failed.path("outcome").asString()).isEqualTo("FAILURE");
        assertThat(failed.path("ip").asString()).isNotBlank();
        assertThat(failed.has("occurredAt")).isTrue();

        Api.Response onlyFailures = api.get("/api/v1/admin/audit-events?type=LOGIN_FAILED&userId=" + userId, admin);
        assertThat(onlyFailures.json().path("items").findValuesAsString("type")).containsOnly("LOGIN_FAILED");
        String future = clock.instant().plus(Duration.ofDays(1)).toString();
        assertThat(api.get("/api/v1/admin/audit-events?userId=" + userId + "&from=" + future, admin).json()
                .path("totalItems").asLong()).isZero();
        assertThat(api.get("/api/v1/admin/audit-events?type=drop%20table", admin).code())
                .isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/admin/audit-events", t.access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit-events").status()).isEqualTo(401);
    }

    @Test
    void adminBlocksARangeItIsRefusedEverywhereUntilUnblocked() {
        String admin = adminToken();
        Api.Response block = api.post("/api/v1/admin/ip-blocks", Map.of("cidr", "198.51.100.0/24",
                "reason", "scraping the catalog"), admin);
        assertThat(block.status()).as(block.toString()).isEqualTo(201);
        assertThat(block.json().path("automatic").asBoolean()).isFalse();
        String id = block.json().path("id").asString();
        try {
            Api.Response blocked = api.send("GET", "/api/v1/catalog/panels", null, null, from("198.51.100.77"));
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.code()).isEqualTo("ip_blocked");
            assertThat(api.send("GET", "/api/v1/catalog/panels", null, null, from("203.0.113.8")).status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/admin/ip-blocks", admin).body()).contains("198.51.100.0/24");
        } finally {
            assertThat(api.send("DELETE", "/api/v1/admin/ip-blocks/" + id, null, admin, Map.of()).status())
                    .isEqualTo(204);
        }
        assertThat(api.send("GET", "/api/v1/catalog/panels", null, null, from("198.51.100.77")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/admin/audit-events?type=IP_UNBLOCKED", admin).json().path("totalItems")
                .asLong()).isPositive();
    }

    @Test
    void blocksExpireByThemselves() {
        String admin = adminToken();
        // An address no other test uses, and the row removed afterwards: on MariaDB the database outlives this
        // class, and a server on the real clock (ScaleOutIT) would still find the block in force.
        Api.Response block = api.post("/api/v1/admin/ip-blocks", Map.of("cidr", "192.0.2.250", "reason", "cool-off",
                "expiresAt", clock.instant().plus(Duration.ofHours(1)).toString()), admin);
        assertThat(block.status()).as(block.toString()).isEqualTo(201);
        try {
            assertThat(api.send("GET", "/api/v1/public/info", null, null, from("192.0.2.250")).status())
                    .isEqualTo(403);
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            assertThat(api.send("GET", "/api/v1/public/info", null, null, from("192.0.2.250")).status())
                    .isEqualTo(200);
        } finally {
            // A fresh token: the first one has expired with the clock. Expired blocks are kept, so the row is there.
            assertThat(api.send("DELETE", "/api/v1/admin/ip-blocks/" + block.json().path("id").asString(), null,
                    adminToken(), Map.of()).status()).isEqualTo(204);
        }
    }

    @Test
    void blockValidationAndNoSelfLockout() {
        String admin = adminToken();
        assertThat(api.post("/api/v1/admin/ip-blocks", Map.of("cidr", "not-an-ip", "reason", "x"), admin).code())
                .isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/admin/ip-blocks", Map.of("cidr", "127.0.0.0/8", "reason", "x"), admin).code())
                .isEqualTo("would_block_self");
        assertThat(api.post("/api/v1/admin/ip-blocks", Map.of("cidr", "10.0.0.1", "reason", "x",
                "expiresAt", "2001-01-01T00:00:00Z"), admin).code()).isEqualTo("validation_failed");
        assertThat(api.send("DELETE", "/api/v1/admin/ip-blocks/nope", null, admin, Map.of()).status())
                .isEqualTo(404);
        Tokens customer = newCustomerSession();
        assertThat(api.post("/api/v1/admin/ip-blocks", Map.of("cidr", "10.0.0.1", "reason", "x"), customer.access())
                .status()).isEqualTo(403);
    }

    @Test
    void refreshTokenReuseRaisesAnAlert() {
        Tokens t = newCustomerSession();
        String userId = api.get("/api/v1/me", t.access()).json().path("id").asString();
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh()));
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh()));
        Api.Response alerts = api.get("/api/v1/admin/alerts?type=REFRESH_TOKEN_REUSE&size=100", adminToken());
        assertThat(alerts.json().path("items").findValuesAsString("subject")).contains(userId);
    }

    @Test
    void thirtyAccessDeniedAnswersFlagTheAccount() {
        Tokens t = newCustomerSession();
        String userId = api.get("/api/v1/me", t.access()).json().path("id").asString();
        for (int i = 0; i < 30; i++) {
            assertThat(api.get("/api/v1/admin/users", t.access()).status()).isEqualTo(403);
        }
        Api.Response alerts = api.get("/api/v1/admin/alerts?type=ACCOUNT_FLAGGED&size=100", adminToken());
        assertThat(alerts.json().path("items").findValuesAsString("subject")).contains(userId);
        assertThat(api.get("/api/v1/admin/alerts", t.access()).status()).isEqualTo(403);
    }

    @Test
    void prometheusMetricsAreForAdminsOnly() {
        Api.Response metrics = api.send("GET", "/actuator/prometheus", null, adminToken(),
                Map.of("Accept", "text/plain"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("sundispatch_security_events_total");
        assertThat(api.get("/actuator/prometheus", newCustomerSession().access()).status()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
    }
}
