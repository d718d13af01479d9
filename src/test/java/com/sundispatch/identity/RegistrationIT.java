package com.sundispatch.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.identity.internal.AccountWork;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountWork accountWork;

    @Test
    void registerWhenValidThenAcceptedWithoutIdAndAccountAppearsWithVerificationMail() {
        String email = uniqueEmail();
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email.toUpperCase(), "password", PASSWORD, "fullName", "Grace Hopper"));

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().path("status").asString()).isEqualTo("verification_sent");
        assertThat(r.json().has("id")).isFalse();
        assertThat(r.body()).doesNotContain("password", "hash", PASSWORD, email);

        assertThat(Mailbox.body(awaitVerificationMail(email))).contains("/verify-email#token=");
        Tokens t = login(email, PASSWORD);
        Api.Response me = api.get("/api/v1/me", t.access());
        assertThat(me.json().path("email").asString()).isEqualTo(email);
        assertThat(me.json().path("role").asString()).isEqualTo("CUSTOMER");
        assertThat(me.json().path("emailVerified").asBoolean()).isFalse();
        assertThat(me.json().path("fullName").asString()).isEqualTo("Grace Hopper");
    }

    @Test
    void registrationFinishedInTheBackgroundIsStillAuditedWithTheClientsAddressAndAgent() {
        String email = uniqueEmail();
        Api.Response r = api.send("POST", "/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Grace Hopper"), null,
                Map.of("X-Forwarded-For", "203.0.113.77", "User-Agent", "RegistrationProbe/1.0"));
        assertThat(r.status()).isEqualTo(202);
        awaitVerificationMail(email);
        String userId = jdbc.queryForObject("select id from users where email = ?", String.class, email);

        Api.Response audit = api.get("/api/v1/admin/audit-events?type=REGISTERED&userId=" + userId, adminToken());
        assertThat(audit.json().path("items")).hasSize(1);
        assertThat(audit.json().path("items").get(0).path("ip").asString()).isEqualTo("203.0.113.77");
        assertThat(audit.json().path("items").get(0).path("userAgent").asString()).isEqualTo("RegistrationProbe/1.0");
    }

    @Test
    void registerWhenEmailTakenThenSameAnswerAndNoticeMail() {
        String taken = registerCustomer();
        String fresh = uniqueEmail();
        String otherPassword = "Quartz-violin-harbour-8812";

        Api.Response forNew = api.post("/api/v1/auth/register",
                Map.of("email", fresh, "password", otherPassword, "fullName", "Someone Else"));
        Api.Response forTaken = api.post("/api/v1/auth/register",
                Map.of("email", taken, "password", otherPassword, "fullName", "Someone Else"));

        // Byte-identical answers apart from the per-response Date and request id.
        assertThat(forTaken.status()).isEqualTo(forNew.status()).isEqualTo(202);
        assertThat(forTaken.body()).isEqualTo(forNew.body());
        assertThat(comparableHeaders(forTaken)).isEqualTo(comparableHeaders(forNew));

        MimeMessage notice = Mailbox.await(taken, "Someone tried to register");
        assertThat(Mailbox.body(notice)).contains("http://localhost:" + port + "/#/login",
                "http://localhost:" + port + "/#/forgot")
                .doesNotContain("token", otherPassword);
        awaitVerificationMail(fresh);
        assertThat(Mailbox.count(taken, "Confirm your email")).isEqualTo(1);
        assertThat(Mailbox.count(fresh, "Someone tried to register")).isZero();
        // The attempt changed nothing: the owner's password still works, the attempted one does not.
        login(taken, PASSWORD);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", taken, "password", otherPassword)).status())
                .isEqualTo(401);
    }

    @Test
    void registerWhenSameAddressTwiceAtOnceThenOneAccountAndOneNotice() throws Exception {
        String email = uniqueEmail();
        Api other = new Api(port);
        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> api.post(
                "/api/v1/auth/register", Map.of("email", email, "password", PASSWORD, "fullName", "Ada Lovelace")));
        Api.Response second = other.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Ada Lovelace"));
        assertThat(first.get().status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        awaitVerificationMail(email);
        Mailbox.await(email, "Someone tried to register");
        assertThat(Mailbox.count(email, "Confirm your email")).isEqualTo(1);
        login(email, PASSWORD);
    }

    @Test
    void registerWhenAccountWriteFailsOnceBetweenRowsThenRetriedWhole() {
        writeFaults.failNext("registration", 1);
        int before = writeFaults.thrown();
        String email = uniqueEmail();
        register(api, email, PASSWORD, "Ada Lovelace");

        String token = Mailbox.token(awaitVerificationMail(email));
        assertThat(writeFaults.thrown()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from users where email = ?", Integer.class, email))
                .isEqualTo(1);
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
    }

    @Test
    void registerWhenAccountWriteKeepsFailingThenNothingHalfWrittenAndRegisteringAgainWorks() {
        writeFaults.failNext("registration", 100);
        int before = writeFaults.thrown();
        long done = accountWork.completed();
        String email = uniqueEmail();
        register(api, email, PASSWORD, "Ada Lovelace");

        awaitWorkDone(done + 1);
        // Every attempt was tried (the first and the bounded retries), and each was rolled back whole.
        assertThat(writeFaults.thrown() - before).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from users where email = ?", Integer.class, email)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from account_tokens t where not exists "
                + "(select 1 from users u where u.id = t.user_id)", Integer.class)).isZero();
        assertThat(Mailbox.count(email, "Confirm your email")).isZero();

        writeFaults.disarm();
        register(api, email, PASSWORD, "Ada Lovelace");
        awaitVerificationMail(email);
        login(email, PASSWORD);
    }

    @Test
    void registerWhenPasswordHasLoneSurrogateThenValidationFailedNamingPassword() {
        for (String bad : new String[] { "Sunny-meadow-\\ud800-2931", "Sunny-meadow-\\udc00x-2931",
                "Sunny-meadow-\\u0007-2931" }) {
            Api.Response r = api.post("/api/v1/auth/register", "{\"email\":\"" + uniqueEmail() + "\",\"password\":\""
                    + bad + "\",\"fullName\":\"Ada Lovelace\"}");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.code()).as(bad).isEqualTo("validation_failed");
            assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
        }
    }

    @Test
    void registerWhenPasswordIsFullwidthSpellingOfWeakOneThenWeakPassword() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", "Ｐａｓｓｗｏｒｄ１２３４５", "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("weak_password");
    }

    @Test
    void registerInFullwidthThenSignInWithNfkcFormAndViceVersa() {
        String fullwidth = "Ｓｕｎｎｙ－ｍｅａｄｏｗ－ｌａｎｔｅｒｎ－２９３１";
        String first = uniqueEmail();
        register(api, first, fullwidth, "Ada Lovelace");
        awaitVerificationMail(first);
        login(first, PASSWORD);
        login(first, fullwidth);

        String second = uniqueEmail();
        register(api, second, PASSWORD, "Ada Lovelace");
        awaitVerificationMail(second);
        login(second, fullwidth);
    }

    @Test
    void registerWhenPasswordBreachedThenWeakPasswordWithHumanReason() {
        for (String breached : new String[] { "correct horse battery staple", "password123456", "qwertyuiop123",
                "Correct-Horse-Battery-Staple", "ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ ｓｔａｐｌｅ" }) {
            Api.Response r = api.post("/api/v1/auth/register",
                    Map.of("email", uniqueEmail(), "password", breached, "fullName", "Grace Hopper"));
            assertThat(r.status()).as(breached).isEqualTo(400);
            assertThat(r.code()).as(breached).isEqualTo("weak_password");
        }
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", "correct horse battery staple", "fullName", "Grace Hopper"));
        assertThat(r.json().path("detail").asString()).contains("lists of breached passwords");
    }

    @Test
    void registerWhenPasswordStrongAndRandomThenAccepted() {
        String random = "Zq7!" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-Kx";
        String email = uniqueEmail();
        register(api, email, random, "Grace Hopper");
        awaitVerificationMail(email);
        login(email, random);
    }

    private void awaitWorkDone(long target) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (accountWork.completed() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(accountWork.completed()).isGreaterThanOrEqualTo(target);
    }

    private static Map<String, List<String>> comparableHeaders(Api.Response r) {
        Map<String, List<String>> all = new TreeMap<>(r.raw().headers().map());
        all.keySet().removeIf(k -> k.equalsIgnoreCase("date") || k.equalsIgnoreCase("x-request-id"));
        return all;
    }

    @Test
    void registerWhenPasswordShortThenWeakPasswordWithReason() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", "Short-1", "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("weak_password");
        assertThat(r.json().path("detail").asString()).contains("at least 12 characters");
    }

    @Test
    void registerWhenPasswordCommonThenWeakPassword() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", "password1234", "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("weak_password");
        assertThat(r.json().path("detail").asString()).contains("too easy to guess");
    }

    @Test
    void registerWhenPasswordContainsNameThenWeakPassword() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", "Hopper-Meadow-Lantern-77", "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("weak_password");
        assertThat(r.json().path("detail").asString()).contains("name");
    }

    @Test
    void registerWhenEmailInvalidThenValidationFailedNamingTheField() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", "not-an-email", "password", PASSWORD, "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
    }

    @Test
    void registerWhenFieldsMissingThenValidationFailedForEach() {
        Api.Response r = api.post("/api/v1/auth/register", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.body()).contains("\"email\"", "\"password\"", "\"fullName\"");
    }

    @Test
    void registerWhenRoleInBodyThenRejectedAndNoAccountCreated() {
        String email = uniqueEmail();
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Mallory Admin", "role", "ADMIN"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("role");

        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(401);
    }

    @Test
    void registerWhenNameHasMarkupThenValidationFailed() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", PASSWORD, "fullName", "<script>alert(1)</script>"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
    }

    @Test
    void registerWhenEmailHasThousandsOfLabelsThenValidationFailedNot500() {
        // 4 KB of "a." once overflowed the regex engine's stack inside Bean Validation.
        String email = "a@" + "a.".repeat(20_000) + "com";
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
    }
}
