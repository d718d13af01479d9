package com.sundispatch.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.privacy.internal.AccountDeletions;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.support.Api;
import com.sundispatch.support.Mailbox;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account deletion (GDPR Art. 17): step-up, a 14-day grace period with an undo link and "keep my account", then the
 * erasure job: personal data gone, orders and invoices kept without the person, reviews kept without the name, the
 * old address free to register again and the old credentials useless.
 */
class AccountDeletionIT extends DispatchFixtures {

    static final String DELETION = "/api/v1/me/deletion";
    static final String UNDO = "/api/v1/auth/deletion/undo";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountDeletions deletions;

    private String idOf(String access) {
        return api.get("/api/v1/me", access).json().path("id").asString();
    }

    private Api.Response schedule(String access) {
        stepUp(access);
        return api.post(DELETION, null, access);
    }

    @Test
    void schedulingWithoutARecentStepUpIs403() {
        Tokens t = newCustomerSession();
        Api.Response r = api.post(DELETION, null, t.access());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("reauthentication_required");
        assertThat(api.get(DELETION, t.access()).json().path("scheduled").asBoolean()).isFalse();
    }

    @Test
    void schedulingEndsTheOtherSessionsKeepsSignInAndTheMailedLinkKeepsTheAccount() {
        clock.freeze();
        String email = registerCustomer();
        Tokens here = login(email, PASSWORD);
        Tokens elsewhere = login(email, PASSWORD);
        Api.Response r = schedule(here.access());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        Instant due = Instant.parse(r.json().path("dueAt").asString());
        assertThat(due).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS)
                .plus(Duration.ofDays(14)));
        assertThat(api.get("/api/v1/me", elsewhere.access()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", here.access()).status()).isEqualTo(200);
        // Asking again changes nothing and sends no second mail.
        assertThat(api.post(DELETION, null, here.access()).json().path("dueAt").asString())
                .isEqualTo(r.json().path("dueAt").asString());

        Tokens again = login(email, PASSWORD);
        JsonNode status = api.get(DELETION, again.access()).json();
        assertThat(status.path("scheduled").asBoolean()).isTrue();

        String token = Mailbox.token(Mailbox.await(email, "will be deleted"));
        assertThat(Mailbox.count(email, "will be deleted")).isEqualTo(1);
        assertThat(api.post(UNDO, Map.of("token", token)).status()).isEqualTo(204);
        assertThat(api.get(DELETION, again.access()).json().path("scheduled").asBoolean()).isFalse();
        Api.Response reused = api.post(UNDO, Map.of("token", token));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.code()).isEqualTo("invalid_token");
        assertThat(api.post(UNDO, Map.of()).code()).isEqualTo("validation_failed");

        clock.advance(Duration.ofDays(15));
        deletions.eraseDue();
        assertThat(login(email, PASSWORD).access()).isNotBlank();
    }

    @Test
    void keepMyAccountWhileSignedInCancelsAndASecondCancelIs404() {
        Tokens t = newCustomerSession();
        assertThat(schedule(t.access()).status()).isEqualTo(202);
        assertThat(api.send("DELETE", DELETION, null, t.access(), Map.of()).status()).isEqualTo(204);
        Api.Response again = api.send("DELETE", DELETION, null, t.access(), Map.of());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("no_deletion_scheduled");
        assertThat(api.get(DELETION, t.access()).json().path("scheduled").asBoolean()).isFalse();
    }

    @Test
    void securingTheAccountCancelsADeletionSomeoneElseMayHaveScheduled() {
        String email = registerCustomer();
        Tokens intruder = login(email, PASSWORD);
        assertThat(schedule(intruder.access()).status()).isEqualTo(202);
        Tokens owner = login(email, PASSWORD);
        String userId = idOf(owner.access());
        assertThat(api.post("/api/v1/me/secure-account", null, owner.access()).status()).isEqualTo(204);
        eventually("the scheduled deletion is cancelled", () -> "CANCELLED".equals(jdbc.queryForObject(
                "select status from account_deletions where user_id = ?", String.class, userId)));
    }

    @Test
    void withoutATokenTheDeletionEndpointsAre401() {
        assertThat(api.get(DELETION).status()).isEqualTo(401);
        assertThat(api.post(DELETION, null).status()).isEqualTo(401);
        assertThat(api.send("DELETE", DELETION, null, null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void anInstallerWithAnOpenJobAndItsCustomerWithTheOrderInProgressAreRefusedUntilItIsCancelled() {
        Held held = assignedJob();
        Api.Response installer = schedule(held.installer().access());
        assertThat(installer.status()).as(installer.toString()).isEqualTo(409);
        assertThat(installer.code()).isEqualTo("deletion_blocked_open_jobs");
        Api.Response customer = schedule(held.customer().access());
        assertThat(customer.status()).as(customer.toString()).isEqualTo(409);
        assertThat(customer.code()).isEqualTo("deletion_blocked_order_in_progress");

        Api.Response cancelled = api.post("/api/v1/orders/" + held.paid().orderId() + "/cancel", null,
                held.customer().access());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        // The job is handed back when dispatch hears of the cancellation.
        eventually("the installer may delete once the job is handed back",
                () -> api.post(DELETION, null, held.installer().access()).status() == 202);
        assertThat(api.post(DELETION, null, held.customer().access()).status()).isEqualTo(202);
    }

    @Test
    void afterTheGracePeriodPersonalDataIsErasedOrdersAndInvoicesKeptAndTheReviewShownWithoutTheName() {
        Held held = completedJob();
        String access = held.customer().access();
        String email = held.customer().email();
        assertThat(api.post("/api/v1/installations/" + held.jobId() + "/review", Map.of("rating", 4, "comment",
                "Quick and clean"), access).status()).isEqualTo(201);
        String userId = idOf(access);
        String orderId = held.paid().orderId();
        Map<String, Object> invoiceBefore = jdbc.queryForMap("select doc_number, buyer_name, buyer_address_line, "
                + "gross_total from billing_documents where order_id = ? and doc_type = 'INVOICE'", orderId);
        Api.Response scheduled = schedule(access);
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(202);

        clock.advance(Duration.ofDays(13));
        deletions.eraseDue();
        assertThat(jdbc.queryForObject("select email from users where id = ?", String.class, userId)).isEqualTo(email);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        // Other tests' accounts may fall due at the same time: at least this one.
        assertThat(deletions.eraseDue()).isPositive();
        assertThat(deletions.eraseDue()).as("each account is claimed once").isZero();

        Map<String, Object> user = jdbc.queryForMap("select * from users where id = ?", userId);
        assertThat((String) user.get("full_name")).matches("Deleted user [0-9A-F]{6}");
        assertThat((String) user.get("email")).isEqualTo("erased-" + userId + "@erased.invalid");
        assertThat(user.get("phone")).isNull();
        assertThat(user.get("totp_secret")).isNull();
        assertThat(user.get("erased_at")).isNotNull();
        assertThat((String) user.get("password_hash")).doesNotStartWith("{");
        for (String table : new String[] { "user_sessions", "known_devices", "account_tokens", "recovery_codes" }) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where user_id = ?", Integer.class,
                    userId)).as(table).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from notifications where recipient_id = ?", Integer.class,
                userId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where user_id = ? and ip is not null",
                Integer.class, userId)).isZero();

        Map<String, Object> order = jdbc.queryForMap("select * from orders where id = ?", orderId);
        assertThat(order.get("address_line")).isEqualTo("");
        assertThat(order.get("exact_location")).as("the sealed exact point is gone too").isNull();
        assertThat(order.get("city")).isEqualTo(lastInstallation.get("city"));
        assertThat(order.get("postal_code")).isEqualTo(lastInstallation.get("postalCode"));
        assertThat(((Number) order.get("total")).doubleValue()).isPositive();
        double latitude = ((Number) order.get("latitude")).doubleValue();
        assertThat(latitude).isEqualTo(Math.round(latitude * 10) / 10.0);
        assertThat(jdbc.queryForMap("select address_line, exact_location from jobs where id = ?", held.jobId()))
                .containsEntry("address_line", "").containsEntry("exact_location", null);
        // The issued invoice is a tax record: kept exactly as issued.
        assertThat(jdbc.queryForMap("select doc_number, buyer_name, buyer_address_line, gross_total "
                + "from billing_documents where order_id = ? and doc_type = 'INVOICE'", orderId)).isEqualTo(invoiceBefore);

        Api.Response oldCredentials = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(oldCredentials.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(401);

        // The review stays on the installer's public profile, without the name.
        JsonNode reviews = api.get("/api/v1/public/installers/" + held.installer().id()).json().path("reviews");
        assertThat(reviews).anySatisfy(review -> {
            assertThat(review.path("comment").asString()).isEqualTo("Quick and clean");
            assertThat(review.path("author").isNull() || review.path("author").isMissingNode()).isTrue();
        });

        // The address is free again, for a new account with a new id.
        long mails = Mailbox.count(email, "Confirm your email");
        register(api, email, PASSWORD, "Ada Lovelace");
        eventually("the new account's verification mail", () -> Mailbox.count(email, "Confirm your email") > mails);
        String newId = idOf(login(email, PASSWORD).access());
        assertThat(newId).isNotEqualTo(userId);

        assertThat(events.of(SecurityEvent.class)).anyMatch(e -> e.type().equals("ACCOUNT_ERASED")
                && userId.equals(e.userId()) && e.detail().isEmpty());
    }
}
