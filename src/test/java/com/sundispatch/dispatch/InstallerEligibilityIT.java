package com.sundispatch.dispatch;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.Mailbox;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Banned and revoked installers are never offered work; revocation is an audited admin action. */
class InstallerEligibilityIT extends DispatchFixtures {

    private Api.Response ban(Installer i) {
        return api.post("/api/v1/admin/users/" + i.id() + "/ban", Map.of("reason", "fraud"), adminToken());
    }

    private Api.Response revoke(String installerId, Object body, String token) {
        return api.post("/api/v1/admin/installers/" + installerId + "/revoke", body, token);
    }

    @Test
    void bannedInstallerGetsNoOfferNorWebhookWhileOthersDo() {
        Installer banned = installer(1);
        Installer other = installer(3);
        assertThat(ban(banned).status()).isEqualTo(200);

        paidOrder();

        assertThat(offersOf(other)).hasSize(1);
        assertThat(offersCreatedFor(other.id())).isNotEmpty();
        assertThat(offersCreatedFor(banned.id())).isEmpty();
        assertThat(api.post("/api/v1/admin/users/" + banned.id() + "/unban", Map.of(), adminToken()).status())
                .isEqualTo(200);
        assertThat(offersOf(new Installer(banned.email(), login(banned.email(), PASSWORD).access(), banned.id())))
                .isEmpty();
    }

    @Test
    void banWhileHoldingAnOpenOfferWithdrawsItAndAcceptIsRefused() {
        Installer installer = installer(1);
        Installer other = installer(2);
        paidOrder();
        String offerId = offersOf(installer).get(0).path("offerId").asString();

        assertThat(ban(installer).status()).isEqualTo(200);

        // The ban ended the session at once, so the token is refused before anything else.
        assertThat(api.post("/api/v1/installer/offers/" + offerId + "/accept", null, installer.access()).status())
                .isEqualTo(401);
        api.post("/api/v1/admin/users/" + installer.id() + "/unban", Map.of(), adminToken());
        String again = login(installer.email(), PASSWORD).access();
        Api.Response late = api.post("/api/v1/installer/offers/" + offerId + "/accept", null, again);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("offer_withdrawn");
        assertThat(offersOf(other)).hasSize(1);
    }

    @Test
    void revokeWithdrawsOffersRedispatchesTheAssignedJobAndTakesTheRoleBack() {
        Installer revoked = installer(1);
        Paid assigned = paidOrder();
        String first = offersOf(revoked).get(0).path("offerId").asString();
        Api.Response accepted = api.post("/api/v1/installer/offers/" + first + "/accept", null, revoked.access());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(orderStatus(assigned)).isEqualTo("SCHEDULED");
        Paid open = paidOrder(windowStart().plusSeconds(3600 * 24));
        List<JsonNode> openOffers = offersOf(revoked);
        assertThat(openOffers).hasSize(1);
        Installer other = installer(4);

        Api.Response r = revoke(revoked.id(), Map.of("reason", "Licence withdrawn by the chamber"), adminToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("REVOKED");
        assertThat(r.json().path("revokeReason").asString()).isEqualTo("Licence withdrawn by the chamber");
        assertThat(Mailbox.await(revoked.email(), "installer approval was withdrawn")).isNotNull();
        // Sessions ended; a new sign-in carries the customer role only.
        assertThat(api.get("/api/v1/installer/offers", revoked.access()).status()).isEqualTo(401);
        String fresh = login(revoked.email(), PASSWORD).access();
        assertThat(api.get("/api/v1/me", fresh).json().path("role").asString()).isEqualTo("CUSTOMER");
        assertThat(api.get("/api/v1/installer/offers", fresh).status()).isEqualTo(403);
        // The accepted job went back to dispatch, to someone else; the order awaits an installer again.
        assertThat(orderStatus(assigned)).isEqualTo("PAID");
        // Both jobs now go to the other installer: the re-dispatched one, and the one whose open offer was withdrawn.
        String jobId = accepted.json().path("jobId").asString();
        JsonNode offer = offersOf(other).stream().filter(o -> o.path("jobId").asString().equals(jobId)).findFirst()
                .orElseThrow(() -> new AssertionError("the re-dispatched job was not offered to the other installer"));
        assertThat(offersOf(other)).hasSize(2);
        Api.Response taken = api.post("/api/v1/installer/offers/" + offer.path("offerId").asString() + "/accept",
                null, other.access());
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(orderStatus(assigned)).isEqualTo("SCHEDULED");
        assertThat(orderStatus(open)).isEqualTo("PAID");
        // Audited, and listed as revoked.
        assertThat(api.get("/api/v1/admin/audit-events?type=INSTALLER_REVOKED&userId=" + revoked.id(), adminToken())
                .json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/admin/installers?status=REVOKED&size=100", adminToken()).body())
                .contains(revoked.id());
        assertThat(api.get("/api/v1/admin/installers?size=100", adminToken()).body()).doesNotContain(revoked.id())
                .contains(other.id());
    }

    @Test
    void unbanAfterRevokeDoesNotRestoreTheApproval() {
        Installer installer = installer(1);
        assertThat(revoke(installer.id(), Map.of("reason", "complaints"), adminToken()).status()).isEqualTo(200);
        assertThat(ban(installer).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/users/" + installer.id() + "/unban", Map.of(), adminToken()).status())
                .isEqualTo(200);

        String fresh = login(installer.email(), PASSWORD).access();
        assertThat(api.get("/api/v1/me", fresh).json().path("role").asString()).isEqualTo("CUSTOMER");
        Installer near = installer(2);
        paidOrder();
        assertThat(offersOf(near)).hasSize(1);
        assertThat(offersCreatedFor(installer.id())).isEmpty();
        assertThat(api.get("/api/v1/admin/installers?status=REVOKED&size=100", adminToken()).body())
                .contains(installer.id());
    }

    @Test
    void revokeRefusalsAnd404() {
        Installer installer = installer(1);
        String customer = newCustomerSession().access();
        assertThat(revoke(installer.id(), Map.of("reason", "x"), null).status()).isEqualTo(401);
        assertThat(revoke(installer.id(), Map.of("reason", "x"), customer).status()).isEqualTo(403);
        assertThat(revoke(installer.id(), Map.of("reason", "x"), installer.access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/installers", installer.access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/installers", null).status()).isEqualTo(401);
        Api.Response blank = revoke(installer.id(), Map.of("reason", " "), adminToken());
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/admin/installers?status=NOPE", adminToken()).status()).isEqualTo(400);
        // A customer who never was an installer, and an unknown id: both "no such installer".
        String customerId = api.get("/api/v1/me", customer).json().path("id").asString();
        assertThat(revoke(customerId, Map.of("reason", "x"), adminToken()).status()).isEqualTo(404);
        assertThat(revoke("00000000-0000-0000-0000-000000000000", Map.of("reason", "x"), adminToken()).status())
                .isEqualTo(404);
        assertThat(revoke(installer.id(), Map.of("reason", "x"), adminToken()).status()).isEqualTo(200);
        Api.Response twice = revoke(installer.id(), Map.of("reason", "x"), adminToken());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("already_revoked");
    }
}
