package com.sundispatch.monitoring;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts: severity, acknowledge and resolve, the status filter, HIGH alerts mailed to admins with a cap. */
@ExtendWith(OutputCaptureExtension.class)
class AlertLifecycleIT extends IntegrationTest {

    /** Each test in an hour of its own (the clock is reset after each), so mail caps never carry over. */
    private static final AtomicInteger HOURS = new AtomicInteger(10_000);

    @BeforeEach
    void ownHour() {
        clock.advance(Duration.ofHours(HOURS.addAndGet(3)));
    }

    private String userId(String access) {
        return api.get("/api/v1/me", access).json().path("id").asString();
    }

    /** A refresh token presented twice: a HIGH alert about this user. Returns the user id. */
    private String refreshTokenReuse() {
        Tokens t = newCustomerSession();
        String userId = userId(t.access());
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh())).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh())).status()).isEqualTo(401);
        return userId;
    }

    private JsonNode alertAbout(String type, String subject, String admin) {
        for (JsonNode a : api.get("/api/v1/admin/alerts?type=" + type + "&size=100", admin).json().path("items")) {
            if (a.path("subject").asString().equals(subject)) {
                return a;
            }
        }
        throw new AssertionError("No " + type + " alert about " + subject);
    }

    @Test
    void adminAcknowledgesThenResolvesAnAlertWithWhoAndWhenAndItIsAudited() {
        String admin = adminToken();
        String adminId = userId(admin);
        JsonNode alert = alertAbout("REFRESH_TOKEN_REUSE", refreshTokenReuse(), admin);
        String id = alert.path("id").asString();
        assertThat(alert.path("status").asString()).isEqualTo("OPEN");
        assertThat(alert.path("severity").asString()).isEqualTo("HIGH");

        Api.Response ack = api.post("/api/v1/admin/alerts/" + id + "/acknowledge", Map.of(), admin);
        assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
        assertThat(ack.json().path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().path("acknowledgedBy").asString()).isEqualTo(adminId);
        assertThat(ack.json().path("acknowledgedAt").asString()).isNotBlank();
        assertThat(ack.json().path("resolvedAt").isNull()).isTrue();

        Api.Response again = api.post("/api/v1/admin/alerts/" + id + "/acknowledge", Map.of(), admin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("invalid_state");

        Api.Response resolved = api.post("/api/v1/admin/alerts/" + id + "/resolve",
                Map.of("note", "Customer confirmed a stolen laptop; password reset."), admin);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("resolvedBy").asString()).isEqualTo(adminId);
        assertThat(resolved.json().path("resolvedAt").asString()).isNotBlank();
        assertThat(resolved.json().path("note").asString())
                .isEqualTo("Customer confirmed a stolen laptop; password reset.");
        assertThat(resolved.json().path("acknowledgedBy").asString()).isEqualTo(adminId);

        assertThat(api.post("/api/v1/admin/alerts/" + id + "/resolve", Map.of(), admin).code())
                .isEqualTo("invalid_state");
        assertThat(api.post("/api/v1/admin/alerts/" + id + "/acknowledge", Map.of(), admin).code())
                .isEqualTo("invalid_state");

        String audit = api.get("/api/v1/admin/audit-events?userId=" + adminId + "&size=100", admin).body();
        assertThat(audit).contains("ALERT_ACKNOWLEDGED", "ALERT_RESOLVED", id);
    }

    @Test
    void anOpenAlertCanBeResolvedDirectlyAndTheListFiltersByStatus() {
        String admin = adminToken();
        String id = alertAbout("REFRESH_TOKEN_REUSE", refreshTokenReuse(), admin).path("id").asString();
        Api.Response resolved = api.post("/api/v1/admin/alerts/" + id + "/resolve", Map.of(), admin);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("acknowledgedAt").isNull()).isTrue();
        assertThat(resolved.json().path("note").isNull()).isTrue();

        assertThat(api.get("/api/v1/admin/alerts?status=RESOLVED&size=100", admin).json().path("items")
                .findValuesAsString("id")).contains(id);
        JsonNode open = api.get("/api/v1/admin/alerts?status=OPEN&size=100", admin).json().path("items");
        assertThat(open.findValuesAsString("id")).doesNotContain(id);
        assertThat(open.findValuesAsString("status")).containsOnly("OPEN");
        assertThat(api.get("/api/v1/admin/alerts?status=CLOSED", admin).code()).isEqualTo("validation_failed");
    }

    @Test
    void alertActionsAreForAdminsOnlyAndValidated() {
        String admin = adminToken();
        String id = alertAbout("REFRESH_TOKEN_REUSE", refreshTokenReuse(), admin).path("id").asString();
        Tokens customer = newCustomerSession();
        assertThat(api.post("/api/v1/admin/alerts/" + id + "/acknowledge", Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/alerts/" + id + "/resolve", Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/alerts/" + id + "/acknowledge", Map.of(), customer.access()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/alerts/" + id + "/resolve", Map.of(), customer.access()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/alerts/no-such-alert/acknowledge", Map.of(), admin).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/admin/alerts/no-such-alert/resolve", Map.of(), admin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/admin/alerts/" + id + "/resolve", Map.of("note", "x".repeat(1001)), admin)
                .code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/admin/alerts/" + id + "/acknowledge", Map.of("status", "RESOLVED"), admin)
                .status()).isEqualTo(400);
        // Nothing of the refused calls changed it.
        assertThat(alertAbout("REFRESH_TOKEN_REUSE", alertSubject(id, admin), admin).path("status").asString())
                .isEqualTo("OPEN");
    }

    private String alertSubject(String id, String admin) {
        for (JsonNode a : api.get("/api/v1/admin/alerts?size=100", admin).json().path("items")) {
            if (a.path("id").asString().equals(id)) {
                return a.path("subject").asString();
            }
        }
        throw new AssertionError("No alert " + id);
    }

    @Test
    void highAlertsAreMailedToAdminsButAtMostFiveAnHour(CapturedOutput output) {
        adminToken();
        long before = Mailbox.count(ADMIN_EMAIL, "Security alert: REFRESH_TOKEN_REUSE");
        String first = refreshTokenReuse();
        Mailbox.await(ADMIN_EMAIL, "Security alert: REFRESH_TOKEN_REUSE");
        awaitCount(before + 1);
        String body = Mailbox.body(Mailbox.await(ADMIN_EMAIL, "Security alert: REFRESH_TOKEN_REUSE"));
        assertThat(body).contains("HIGH", first);
        for (int i = 0; i < 6; i++) {
            refreshTokenReuse();
        }
        // Seven HIGH alerts this hour: five mails, the other two dropped with a log line.
        awaitCount(before + 5);
        awaitLog(output, 2);
        assertThat(Mailbox.count(ADMIN_EMAIL, "Security alert: REFRESH_TOKEN_REUSE")).isEqualTo(before + 5);
        assertThat(java.util.Arrays.stream(Mailbox.server().getReceivedMessages())
                .map(Mailbox::body).filter(b -> b.contains("last alert mail you get this hour"))).isNotEmpty();

        // A new hour, a new allowance.
        clock.advance(Duration.ofHours(1));
        refreshTokenReuse();
        awaitCount(before + 6);
    }

    @Test
    void lowAndMediumAlertsAreNotMailed() {
        adminToken();
        long before = Mailbox.count(ADMIN_EMAIL, "Security alert: ACCOUNT_FLAGGED");
        Tokens t = newCustomerSession();
        for (int i = 0; i < 30; i++) {
            assertThat(api.get("/api/v1/admin/users", t.access()).status()).isEqualTo(403);
        }
        JsonNode flagged = alertAbout("ACCOUNT_FLAGGED", userId(t.access()), adminToken());
        assertThat(flagged.path("severity").asString()).isEqualTo("MEDIUM");
        // The HIGH mail of another alert arrives; the MEDIUM one never does.
        long reuseBefore = Mailbox.count(ADMIN_EMAIL, "Security alert: REFRESH_TOKEN_REUSE");
        refreshTokenReuse();
        awaitCount(reuseBefore + 1);
        assertThat(Mailbox.count(ADMIN_EMAIL, "Security alert: ACCOUNT_FLAGGED")).isEqualTo(before);
    }

    private static void awaitCount(long expected) {
        for (int i = 0; i < 200 && Mailbox.count(ADMIN_EMAIL, "Security alert: REFRESH_TOKEN_REUSE") < expected; i++) {
            pause();
        }
        assertThat(Mailbox.count(ADMIN_EMAIL, "Security alert: REFRESH_TOKEN_REUSE")).isGreaterThanOrEqualTo(expected);
    }

    private static void awaitLog(CapturedOutput output, int drops) {
        for (int i = 0; i < 200 && dropped(output) < drops; i++) {
            pause();
        }
        assertThat(dropped(output)).isEqualTo(drops);
    }

    private static long dropped(CapturedOutput output) {
        return output.getAll().lines().filter(l -> l.contains("Alert mail to admin") && l.contains("dropped")).count();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
