package com.sundispatch.identity;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.security.SecurityEvent;
import com.sundispatch.support.AdminSession;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin account actions behind the admin's own step-up: resetting a user's MFA (mailed, sessions ended, audited)
 * and promoting/demoting admins (never oneself, never the last admin; sessions end at once; mailed; audited).
 */
class AdminAccountActionsIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    /** The admin's token as a thief would hold it: its session has not proved its owner again. */
    private String adminWithoutStepUp() {
        String admin = adminToken();
        jdbc.update("update user_sessions set reauthenticated_at = null where user_id = (select id from users "
                + "where email = ?)", ADMIN_EMAIL);
        return admin;
    }

    private String adminWithStepUp() {
        String admin = adminToken();
        AdminSession.stepUp(api, admin);
        return admin;
    }

    private String idOf(String email) {
        return jdbc.queryForObject("select id from users where email = ?", String.class, email);
    }

    private static void assertStepUpRequired(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("reauthentication_required");
    }

    private record MfaUser(String email, String id, String secret, Tokens tokens) {
    }

    private MfaUser verifiedUserWithMfa() {
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        String secret = api.post("/api/v1/me/mfa/totp/setup", null, t.access()).json().path("secret").asString();
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable",
                Map.of("code", TotpCodes.code(secret, TotpCodes.step(clock.instant()) - 1)), t.access());
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        return new MfaUser(email, idOf(email), secret, t);
    }

    @Test
    void mfaResetNeedsTheAdminsStepUpThenTurnsMfaOffEndsSessionsMailsAndAudits() {
        MfaUser u = verifiedUserWithMfa();
        String path = "/api/v1/admin/users/" + u.id() + "/mfa/reset";

        assertStepUpRequired(api.post(path, Map.of("reason", "lost phone"), adminWithoutStepUp()));
        assertThat(api.get("/api/v1/me", u.tokens().access()).json().path("mfaEnabled").asBoolean()).isTrue();

        String admin = adminWithStepUp();
        assertThat(api.post(path, Map.of(), admin).code()).isEqualTo("validation_failed");
        Api.Response reset = api.post(path, Map.of("reason", "lost phone, identity checked by call"), admin);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", u.tokens().access()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", u.tokens().refresh())).status())
                .isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from users where id = ? and mfa_enabled = false "
                + "and totp_secret is null", Long.class, u.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from recovery_codes where user_id = ?", Long.class, u.id()))
                .isZero();
        // The password alone signs in now; the owner can set MFA up again.
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(login.json().has("accessToken")).isTrue();

        MimeMessage mail = Mailbox.await(u.email(), "two-factor sign-in was reset");
        assertThat(Mailbox.body(mail)).contains("reset by an administrator", "did not ask for this",
                "contact support", "reset your password");

        String adminId = idOf(ADMIN_EMAIL);
        assertThat(events.of(SecurityEvent.class)).anyMatch(e -> e.type().equals("MFA_RESET_BY_ADMIN")
                && u.id().equals(e.userId()) && adminId.equals(e.detail().get("by"))
                && "lost phone, identity checked by call".equals(e.detail().get("reason")));
        Api.Response audit = api.get("/api/v1/admin/audit-events?type=MFA_RESET_BY_ADMIN&userId=" + u.id(), admin);
        assertThat(audit.json().path("items")).hasSize(1);
        assertThat(audit.json().path("items").get(0).path("detail").asString()).contains(adminId, "lost phone");
    }

    @Test
    void mfaResetRefusedToNonAdminsAnonymousAndForUnknownOrOwnAccount() {
        MfaUser u = verifiedUserWithMfa();
        String path = "/api/v1/admin/users/" + u.id() + "/mfa/reset";
        Map<String, String> body = Map.of("reason", "lost phone");
        assertThat(api.post(path, body).status()).isEqualTo(401);
        Tokens customer = newCustomerSession();
        stepUp(customer.access());
        assertThat(api.post(path, body, customer.access()).status()).isEqualTo(403);
        assertThat(api.post(path, body, customer.access()).code()).isEqualTo("forbidden");
        // The user cannot reset their own MFA through the admin path either, even stepped up.
        assertThat(api.post(path, body, u.tokens().access()).status()).isEqualTo(403);

        String admin = adminWithStepUp();
        Api.Response unknown = api.post("/api/v1/admin/users/00000000-0000-0000-0000-000000000000/mfa/reset", body,
                admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
        assertThat(api.post("/api/v1/admin/users/" + idOf(ADMIN_EMAIL) + "/mfa/reset", body, admin).code())
                .isEqualTo("cannot_reset_own_mfa");
        assertThat(api.post("/api/v1/admin/users/" + idOf(registerCustomer()) + "/mfa/reset", body, admin).code())
                .isEqualTo("mfa_not_enabled");
        assertThat(api.get("/api/v1/me", u.tokens().access()).json().path("mfaEnabled").asBoolean()).isTrue();
    }

    @Test
    void promoteAndDemoteNeedTheStepUpEndTheTargetsSessionsMailAndAudit() {
        String email = registerVerifiedCustomer();
        String id = idOf(email);
        Tokens before = login(email, PASSWORD);

        assertStepUpRequired(api.post("/api/v1/admin/users/" + id + "/promote", Map.of(), adminWithoutStepUp()));
        assertThat(api.get("/api/v1/me", before.access()).json().path("role").asString()).isEqualTo("CUSTOMER");

        String admin = adminWithStepUp();
        Api.Response promoted = api.post("/api/v1/admin/users/" + id + "/promote", Map.of(), admin);
        try {
            assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
            assertThat(promoted.json().path("role").asString()).isEqualTo("ADMIN");
            assertThat(promoted.json().path("id").asString()).isEqualTo(id);
            // Role change revokes sessions at once.
            assertThat(api.get("/api/v1/me", before.access()).status()).isEqualTo(401);
            assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", before.refresh())).status())
                    .isEqualTo(401);
            assertThat(Mailbox.body(Mailbox.await(email, "now a SunDispatch administrator")))
                    .contains("now an administrator", "two-factor");
            // The new admin meets the admin-MFA gate.
            Tokens asAdmin = login(email, PASSWORD);
            assertThat(api.get("/api/v1/admin/users", asAdmin.access()).code()).isEqualTo("mfa_setup_required");
            assertThat(api.post("/api/v1/admin/users/" + id + "/promote", Map.of(), admin).code())
                    .isEqualTo("already_admin");

            assertStepUpRequired(api.post("/api/v1/admin/users/" + id + "/demote", Map.of(), adminWithoutStepUp()));
            admin = adminWithStepUp();
            Api.Response demoted = api.post("/api/v1/admin/users/" + id + "/demote", Map.of(), admin);
            assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
            assertThat(demoted.json().path("role").asString()).isEqualTo("CUSTOMER");
            assertThat(api.get("/api/v1/me", asAdmin.access()).status()).isEqualTo(401);
            assertThat(Mailbox.body(Mailbox.await(email, "no longer a SunDispatch administrator")))
                    .contains("no longer an administrator", "customer");
            assertThat(api.post("/api/v1/admin/users/" + id + "/demote", Map.of(), admin).code())
                    .isEqualTo("not_admin");
        } finally {
            jdbc.update("update users set role = 'CUSTOMER' where id = ?", id);
        }
        String adminId = idOf(ADMIN_EMAIL);
        assertThat(events.of(SecurityEvent.class)).filteredOn(e -> e.type().equals("ROLE_CHANGED")
                && id.equals(e.userId())).extracting(e -> e.detail().get("from") + ">" + e.detail().get("to")
                        + " by " + e.detail().get("by"))
                .containsExactly("CUSTOMER>ADMIN by " + adminId, "ADMIN>CUSTOMER by " + adminId);
    }

    @Test
    void demotedInstallerGetsTheInstallerRoleBack() {
        String email = registerVerifiedCustomer();
        String id = idOf(email);
        jdbc.update("update users set role = 'INSTALLER' where id = ?", id);
        String admin = adminWithStepUp();
        try {
            assertThat(api.post("/api/v1/admin/users/" + id + "/promote", Map.of(), admin).json().path("role")
                    .asString()).isEqualTo("ADMIN");
            assertThat(api.post("/api/v1/admin/users/" + id + "/demote", Map.of(), admin).json().path("role")
                    .asString()).isEqualTo("INSTALLER");
        } finally {
            jdbc.update("update users set role = 'CUSTOMER' where id = ?", id);
        }
    }

    @Test
    void neverOneselfNeverTheLastAdminNeverABannedOrUnverifiedAccount() {
        String admin = adminWithStepUp();
        String adminId = idOf(ADMIN_EMAIL);
        // Only the bootstrap admin is left (other tests' promotions are undone here).
        for (String other : jdbc.queryForList("select id from users where role = 'ADMIN' and id <> ?", String.class,
                adminId)) {
            assertThat(api.post("/api/v1/admin/users/" + other + "/demote", Map.of(), admin).status()).isEqualTo(200);
        }
        Api.Response last = api.post("/api/v1/admin/users/" + adminId + "/demote", Map.of(), admin);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.code()).isEqualTo("last_admin");
        assertThat(api.post("/api/v1/admin/users/" + adminId + "/promote", Map.of(), admin).code())
                .isEqualTo("cannot_change_own_role");

        String second = registerVerifiedCustomer();
        String secondId = idOf(second);
        try {
            assertThat(api.post("/api/v1/admin/users/" + secondId + "/promote", Map.of(), admin).status())
                    .isEqualTo(200);
            Api.Response self = api.post("/api/v1/admin/users/" + adminId + "/demote", Map.of(), admin);
            assertThat(self.status()).isEqualTo(409);
            assertThat(self.code()).isEqualTo("cannot_change_own_role");
            assertThat(api.get("/api/v1/admin/users?size=1", admin).status()).isEqualTo(200);
        } finally {
            jdbc.update("update users set role = 'CUSTOMER' where id = ?", secondId);
        }

        String unverified = idOf(registerCustomer());
        assertThat(api.post("/api/v1/admin/users/" + unverified + "/promote", Map.of(), admin).code())
                .isEqualTo("email_not_verified");
        String banned = idOf(registerVerifiedCustomer());
        assertThat(api.post("/api/v1/admin/users/" + banned + "/ban", Map.of("reason", "fraud"), admin).status())
                .isEqualTo(200);
        Api.Response bannedPromote = api.post("/api/v1/admin/users/" + banned + "/promote", Map.of(), admin);
        assertThat(bannedPromote.status()).isEqualTo(409);
        assertThat(bannedPromote.code()).isEqualTo("user_banned");
        assertThat(jdbc.queryForList("select role from users where id in (?, ?)", String.class, unverified, banned))
                .containsOnly("CUSTOMER");
    }

    @Test
    void roleChangesRefusedToNonAdminsAnonymousAndForUnknownIds() {
        String target = idOf(registerVerifiedCustomer());
        Tokens customer = newCustomerSession();
        stepUp(customer.access());
        for (String action : List.of("promote", "demote")) {
            String path = "/api/v1/admin/users/" + target + "/" + action;
            assertThat(api.post(path, Map.of()).status()).isEqualTo(401);
            assertThat(api.post(path, Map.of(), customer.access()).status()).isEqualTo(403);
            Api.Response unknown = api.post("/api/v1/admin/users/00000000-0000-0000-0000-000000000000/" + action,
                    Map.of(), adminWithStepUp());
            assertThat(unknown.status()).isEqualTo(404);
        }
        assertThat(jdbc.queryForObject("select role from users where id = ?", String.class, target))
                .isEqualTo("CUSTOMER");
    }
}
