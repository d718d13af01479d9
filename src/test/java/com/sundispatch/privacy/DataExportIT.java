package com.sundispatch.privacy;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.support.Api;
import com.sundispatch.support.Mailbox;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data export (GDPR Art. 15/20): asked for once a day, built off the request thread, mailed as a link that
 * works for its owner's session with the mailed token for 24 hours; it holds everything stored about the person
 * and nothing secret, nothing of anyone else.
 */
class DataExportIT extends DispatchFixtures {

    static final String EXPORT = "/api/v1/me/export";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataSeal seal;

    /** The id and token of a mailed export link. */
    record Link(String id, String token) {
    }

    static Link exportLink(String email) {
        MimeMessage mail = Mailbox.await(email, "data export is ready");
        Matcher m = Pattern.compile("/data-export#token=([A-Za-z0-9_-]+)&id=([0-9a-f-]{36})").matcher(Mailbox.body(mail));
        assertThat(m.find()).as("export link in the mail").isTrue();
        return new Link(m.group(2), m.group(1));
    }

    private Api.Response download(Link link, String access) {
        return api.post(EXPORT + "/" + link.id() + "/download", Map.of("token", link.token()), access);
    }

    private String idOf(String access) {
        return api.get("/api/v1/me", access).json().path("id").asString();
    }

    @Test
    void exportHoldsMyProfileOrdersReviewsSessionsNotificationsAndAuditButNoSecretAndNothingOfOthers() {
        Held held = completedJob();
        String access = held.customer().access();
        assertThat(api.post("/api/v1/installations/" + held.jobId() + "/review", Map.of("rating", 5, "comment",
                "Tidy work, friendly team"), access).status()).isEqualTo(201);
        // A TOTP secret stored (set-up started), so the archive can be checked for it.
        stepUp(access);
        assertThat(api.post("/api/v1/me/mfa/totp/setup", null, access).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/me", Map.of("phone", "+49 30 1234567"), access).status()).isEqualTo(200);
        String userId = idOf(access);

        Api.Response asked = api.post(EXPORT, null, access);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.json().path("status").asString()).isIn("PENDING", "READY");
        Link link = exportLink(held.customer().email());
        JsonNode status = api.get(EXPORT, access).json();
        assertThat(status.path("status").asString()).isEqualTo("READY");
        assertThat(status.path("id").asString()).isEqualTo(link.id());

        Api.Response r = download(link, access);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).startsWith("attachment").contains(".json");
        JsonNode archive = r.json();
        assertThat(archive.path("accountId").asString()).isEqualTo(userId);
        assertThat(archive.path("account").path("profile").path("email").asString())
                .isEqualTo(held.customer().email());
        // Sealed at rest, in the clear in the person's own archive.
        assertThat(archive.path("account").path("profile").path("phone").asString()).isEqualTo("+49 30 1234567");
        assertThat(archive.path("account").path("sessions").size()).isPositive();
        JsonNode order = archive.path("orders").get(0);
        assertThat(order.path("id").asString()).isEqualTo(held.paid().orderId());
        assertThat(order.path("addressLine").asString()).isEqualTo(lastInstallation.get("addressLine"));
        assertThat(order.path("exactLocation").asString()).matches("-?\\d+\\.\\d+,-?\\d+\\.\\d+");
        assertThat(order.path("items").size()).isEqualTo(1);
        assertThat(order.path("payments").size()).isPositive();
        assertThat(archive.path("installations").path("reviewsWritten").get(0).path("comment").asString())
                .isEqualTo("Tidy work, friendly team");
        assertThat(archive.path("installations").path("asCustomer").get(0).path("installerCompany").asString())
                .isEqualTo("Sun & Sons GmbH");
        assertThat(archive.path("notifications").path("inbox").size()).isPositive();
        assertThat(archive.path("auditEvents").size()).isPositive();
        // What happened, when and from where: never the defences' reasons or other accounts' ids.
        archive.path("auditEvents").forEach(e -> assertThat(e.has("detail")).isFalse());
        assertThat(archive.path("billing").path("documents").size()).isPositive();

        String body = r.body();
        String passwordHash = jdbc.queryForObject("select password_hash from users where id = ?", String.class, userId);
        String totpSecret = jdbc.queryForObject("select totp_secret from users where id = ?", String.class, userId);
        assertThat(totpSecret).isNotBlank();
        assertThat(body).doesNotContain(passwordHash).doesNotContain(totpSecret).doesNotContain("passwordHash")
                .doesNotContain("totpSecret").doesNotContain("tokenHash");
        jdbc.queryForList("select t.token_hash from refresh_tokens t join user_sessions s on s.id = t.session_id "
                + "where s.user_id = ?", String.class, userId).forEach(hash -> assertThat(body).doesNotContain(hash));
        // The installer appears only as the public profile shows them: no email, no exact base address.
        String installerAddress = seal.open(jdbc.queryForObject("select base_address_line from installer_profiles "
                + "where user_id = ?", String.class, held.installer().id()), "installer_profiles", "base_address_line",
                held.installer().id());
        assertThat(installerAddress).isNotBlank().doesNotStartWith("v2:");
        assertThat(body).doesNotContain(held.installer().email()).doesNotContain(installerAddress);
    }

    @Test
    void theInstallerSeesTheirProfileAndJobsButNotTheCustomersStreet() {
        Held held = completedJob();
        assertThat(api.post(EXPORT, null, held.installer().access()).status()).isEqualTo(202);
        Api.Response r = download(exportLink(held.installer().email()), held.installer().access());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode installations = r.json().path("installations");
        assertThat(installations.path("installerProfile").path("companyName").asString()).isEqualTo("Sun & Sons GmbH");
        assertThat(installations.path("jobsAsInstaller").get(0).path("id").asString()).isEqualTo(held.jobId());
        assertThat(r.body()).doesNotContain((String) lastInstallation.get("addressLine"))
                .doesNotContain(held.customer().email());
    }

    @Test
    void aSecondExportWithinADayIsRefusedWith429AndRetryAfterThenAllowedTheNextDay() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        assertThat(api.get(EXPORT, t.access()).json().path("status").asString()).isEqualTo("NONE");
        assertThat(api.post(EXPORT, null, t.access()).status()).isEqualTo(202);
        Api.Response again = api.post(EXPORT, null, t.access());
        assertThat(again.status()).as(again.toString()).isEqualTo(429);
        assertThat(again.code()).isEqualTo("export_too_soon");
        assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(86_000L, 86_400L);
        assertThat(api.get(EXPORT, t.access()).json().path("nextRequestAt").asString()).isNotBlank();

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        Tokens fresh = login(email, PASSWORD);
        assertThat(api.post(EXPORT, null, fresh.access()).status()).isEqualTo(202);
    }

    @Test
    void theLinkWorksFor24HoursThenIsRefusedAndTheArchiveIsDeleted() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        assertThat(api.post(EXPORT, null, t.access()).status()).isEqualTo(202);
        Link link = exportLink(email);
        clock.advance(Duration.ofHours(23));
        Tokens later = login(email, PASSWORD);
        assertThat(download(link, later.access()).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        Tokens expired = login(email, PASSWORD);
        Api.Response r = download(link, expired.access());
        assertThat(r.status()).as(r.toString()).isEqualTo(410);
        assertThat(r.code()).isEqualTo("export_expired");
        assertThat(api.get(EXPORT, expired.access()).json().path("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void someoneElsesExportIs404AndAWrongTokenIsRefused() {
        String email = registerCustomer();
        Tokens owner = login(email, PASSWORD);
        assertThat(api.post(EXPORT, null, owner.access()).status()).isEqualTo(202);
        Link link = exportLink(email);

        Tokens other = newCustomerSession();
        Api.Response stolen = download(link, other.access());
        assertThat(stolen.status()).as(stolen.toString()).isEqualTo(404);
        assertThat(stolen.code()).isEqualTo("not_found");

        Api.Response wrong = api.post(EXPORT + "/" + link.id() + "/download",
                Map.of("token", "A".repeat(43)), owner.access());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("invalid_token");
        Api.Response missing = api.post(EXPORT + "/" + link.id() + "/download", Map.of(), owner.access());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("validation_failed");
        assertThat(api.post(EXPORT + "/no-such-export/download", Map.of("token", link.token()), owner.access())
                .status()).isEqualTo(404);
    }

    @Test
    void withoutATokenEveryExportEndpointIs401() {
        assertThat(api.get(EXPORT).status()).isEqualTo(401);
        assertThat(api.post(EXPORT, null).status()).isEqualTo(401);
        assertThat(api.post(EXPORT + "/x/download", Map.of("token", "A".repeat(43))).status()).isEqualTo(401);
    }
}
