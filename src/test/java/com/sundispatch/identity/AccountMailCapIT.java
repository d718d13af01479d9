package com.sundispatch.identity;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sundispatch.identity.internal.AccountWork;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most 5 account mails per recipient an hour (verification, resend, reset, "someone tried to register"),
 * whoever asks from wherever; over the cap the answers stay 202 and nothing is sent.
 */
class AccountMailCapIT extends IntegrationTest {

    @Autowired
    AccountWork accountWork;

    @BeforeEach
    void freshHour() {
        // Past the sliding window of every earlier mail (the cap reads the injected clock).
        clock.advance(Duration.ofHours(3));
    }

    @Test
    void resetRequestsFrom25AddressesThenExactlyFiveMails() {
        String victim = registerCustomer();
        clock.advance(Duration.ofHours(3));
        long done = accountWork.completed();
        for (int i = 1; i <= 25; i++) {
            Api.Response r = fromAddress("203.0.113." + i, "/api/v1/auth/password-reset/request",
                    Map.of("email", victim));
            assertThat(r.status()).isEqualTo(202);
        }
        awaitWorkDone(done + 25);
        awaitMailCount(victim, "Reset your", 5);
        assertThat(Mailbox.count(victim, "Reset your")).isEqualTo(5);

        String userId = api.get("/api/v1/me", login(victim, PASSWORD).access()).json().path("id").asString();
        Api.Response audit = api.get("/api/v1/admin/audit-events?type=MAIL_SUPPRESSED&userId=" + userId + "&size=50",
                adminToken());
        assertThat(audit.json().path("totalItems").asLong()).isEqualTo(20);
        assertThat(audit.body()).doesNotContain(victim);
    }

    @Test
    void registrationNoticesAndResendsCountTowardsTheCap() {
        String victim = registerCustomer();
        clock.advance(Duration.ofHours(3));
        Tokens session = login(victim, PASSWORD);
        long done = accountWork.completed();
        for (int i = 1; i <= 3; i++) {
            Api.Response r = fromAddress("198.51.100." + i, "/api/v1/auth/register",
                    Map.of("email", victim, "password", "Quartz-violin-harbour-88" + i, "fullName", "Eve Smith"));
            assertThat(r.status()).isEqualTo(202);
        }
        awaitWorkDone(done + 3);
        awaitMailCount(victim, "Someone tried to register", 3);
        long verificationsBefore = Mailbox.count(victim, "Confirm your email");
        for (int i = 0; i < 4; i++) {
            assertThat(api.post("/api/v1/me/verify-email/resend", null, session.access()).status()).isEqualTo(202);
        }
        awaitMailCount(victim, "Confirm your email", verificationsBefore + 2);
        done = accountWork.completed();
        assertThat(fromAddress("198.51.100.9", "/api/v1/auth/password-reset/request", Map.of("email", victim))
                .status()).isEqualTo(202);
        awaitWorkDone(done + 1);

        assertThat(Mailbox.count(victim, "Someone tried to register")).isEqualTo(3);
        assertThat(Mailbox.count(victim, "Confirm your email")).isEqualTo(verificationsBefore + 2);
        assertThat(Mailbox.count(victim, "Reset your")).isZero();
    }

    @Test
    void anotherRecipientIsUnaffectedAndTheCapEndsAfterAnHour() {
        String victim = registerCustomer();
        String other = registerCustomer();
        clock.advance(Duration.ofHours(3));
        long done = accountWork.completed();
        for (int i = 1; i <= 8; i++) {
            fromAddress("203.0.113." + (100 + i), "/api/v1/auth/password-reset/request", Map.of("email", victim));
        }
        awaitWorkDone(done + 8);
        api.post("/api/v1/auth/password-reset/request", Map.of("email", other));
        awaitMailCount(other, "Reset your", 1);
        awaitMailCount(victim, "Reset your", 5);

        clock.advance(Duration.ofHours(2));
        done = accountWork.completed();
        api.post("/api/v1/auth/password-reset/request", Map.of("email", victim));
        awaitWorkDone(done + 1);
        awaitMailCount(victim, "Reset your", 6);
    }

    @Test
    void plusAddressesOfOneMailboxShareItsCap() {
        String local = "victim-" + UUID.randomUUID().toString().substring(0, 8);
        long done = accountWork.completed();
        for (int i = 1; i <= 8; i++) {
            Api.Response r = fromAddress("192.0.2." + i, "/api/v1/auth/register", Map.of("email",
                    local + "+" + i + "@example.test", "password", PASSWORD, "fullName", "Eve Smith"));
            assertThat(r.status()).isEqualTo(202);
        }
        awaitWorkDone(done + 8);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (verificationMailsTo(local) < 5 && System.nanoTime() < deadline) {
            pause();
        }
        long settle = System.nanoTime() + Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < settle) {
            pause();
        }
        assertThat(verificationMailsTo(local)).isEqualTo(5);
    }

    private static long verificationMailsTo(String local) {
        long n = 0;
        for (int i = 1; i <= 8; i++) {
            n += Mailbox.count(local + "+" + i + "@example.test", "Confirm your email");
        }
        return n;
    }

    private Api.Response fromAddress(String ip, String path, Object body) {
        return api.send("POST", path, body, null, Map.of("X-Forwarded-For", ip));
    }

    private void awaitWorkDone(long target) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (accountWork.completed() < target && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(accountWork.completed()).isGreaterThanOrEqualTo(target);
    }

    /** Waits (up to 10 s) for the mails already handed to the mail pool; then the count must be exact. */
    private static void awaitMailCount(String to, String subject, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Mailbox.count(to, subject) < expected && System.nanoTime() < deadline) {
            pause();
        }
        // A little longer, so a mail too many would have arrived too.
        long settle = System.nanoTime() + Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < settle) {
            pause();
        }
        assertThat(Mailbox.count(to, subject)).isEqualTo(expected);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
