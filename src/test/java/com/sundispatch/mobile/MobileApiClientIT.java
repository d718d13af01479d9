package com.sundispatch.mobile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.support.Api;
import com.sundispatch.support.MobileApp;
import com.sundispatch.support.SoftPasskey;
import com.sundispatch.support.TotpCodes;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mobile apps' API layer (mobile/src/api, TypeScript) against this server over real HTTP, not against a mocked
 * fetch: the test prepares a verified customer with a paid order and an installer with TOTP and one open offer, then
 * runs the app's own integration suite ({@code npm run test:api}, mobile/integration/), which registers, signs in
 * with MFA, rotates the refresh token through its token store, accepts the offer and signs out; and a customer
 * with a passkey (a {@link SoftPasskey} whose key the app's test authenticator signs with) signs in with it alone
 * and as the second factor.
 */
class MobileApiClientIT extends DispatchFixtures {

    @Test
    void theAppsApiLayerRegistersSignsInWithMfaRotatesRefreshTokensAndAcceptsAnOffer() throws Exception {
        MobileApp.require(Path.of("node_modules"), "npm ci");
        // First (it moves the clock to the appointment day): a job whose completion report awaits the customer,
        // who confirms it and reviews the installer from the app.
        Held reported = reportedJob();
        Customer reviewer = reported.customer();
        Installer installer = installer(1);
        stepUp(installer.access());
        String secret = api.post("/api/v1/me/mfa/totp/setup", null, installer.access()).json().path("secret")
                .asString();
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable",
                Map.of("code", TotpCodes.code(secret, TotpCodes.step(clock.instant()) - 1)), installer.access());
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        Paid paid = paidOrder();
        assertThat(offersOf(installer)).hasSize(1);
        // A third account signs in with a passkey: the app's authenticator port gets this key (software, in Node).
        String passkeyEmail = registerCustomer();
        SoftPasskey passkey = new SoftPasskey();
        String origin = "http://localhost:" + port;
        String access = login(passkeyEmail, PASSWORD).access();
        stepUp(access);
        Api.Response options = api.post("/api/v1/me/passkeys/registration-options", null, access);
        assertThat(options.status()).as(options.toString()).isEqualTo(200);
        JsonNode publicKey = options.json().path("publicKey");
        Api.Response added = api.post("/api/v1/me/passkeys", Map.of("challengeId",
                options.json().path("challengeId").asString(), "name", "Phone", "credential",
                passkey.register(publicKey.path("challenge").asString(), "localhost", origin,
                        publicKey.path("user").path("id").asString())), access);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        MobileApp.Run run = MobileApp.npm("test:api", Map.ofEntries(
                Map.entry("SUNDISPATCH_API_URL", "http://localhost:" + port),
                Map.entry("SD_CUSTOMER_EMAIL", paid.customer().email()),
                Map.entry("SD_CUSTOMER_PASSWORD", PASSWORD),
                Map.entry("SD_INSTALLER_EMAIL", installer.email()),
                Map.entry("SD_INSTALLER_PASSWORD", PASSWORD),
                Map.entry("SD_INSTALLER_TOTP_SECRET", secret),
                Map.entry("SD_PASSKEY_EMAIL", passkeyEmail),
                Map.entry("SD_PASSKEY_PASSWORD", PASSWORD),
                Map.entry("SD_PASSKEY_CREDENTIAL_ID", passkey.credentialId()),
                Map.entry("SD_PASSKEY_USER_HANDLE", passkey.userHandle()),
                Map.entry("SD_PASSKEY_PRIVATE_KEY", passkey.privateKeyPkcs8()),
                Map.entry("SD_PASSKEY_RP_ID", "localhost"),
                Map.entry("SD_PASSKEY_ORIGIN", origin),
                Map.entry("SD_REVIEW_CUSTOMER_EMAIL", reviewer.email()),
                Map.entry("SD_REVIEW_CUSTOMER_PASSWORD", PASSWORD),
                Map.entry("SD_REVIEW_ORDER_ID", reported.paid().orderId()),
                Map.entry("SD_REVIEW_INSTALLER_ID", reported.installer().id()),
                // The server's clock is the machine's plus what the fixtures moved it by (to the appointment day).
                Map.entry("SD_CLOCK_OFFSET_MS", Long.toString(clock.millis() - System.currentTimeMillis()))),
                Duration.ofMinutes(5));
        assertThat(run.exitCode()).as("npm run test:api:\n%s", MobileApp.tail(run.output(), 80)).isZero();
        // Jest ran the suite (18 cases), none skipped or only-ed away.
        assertThat(run.output()).as(MobileApp.tail(run.output(), 20))
                .containsPattern("Tests:\\s+18 passed, 18 total");

        // What the app did is what the server holds: the offer it accepted made this installer the job's installer.
        Api.Response installation = api.get("/api/v1/orders/" + paid.orderId() + "/installation",
                paid.customer().access());
        assertThat(installation.status()).as(installation.toString()).isEqualTo(200);
        assertThat(installation.json().path("installer").isObject()).as(installation.toString()).isTrue();
        // ... and the customer's confirmation and review from the app.
        Api.Response confirmed = api.get("/api/v1/orders/" + reported.paid().orderId() + "/installation",
                login(reviewer.email(), PASSWORD).access());
        assertThat(confirmed.json().path("status").asString()).as(confirmed.toString()).isEqualTo("COMPLETED");
        Api.Response profile = api.get("/api/v1/public/installers/" + reported.installer().id());
        assertThat(profile.json().path("reviews")).as(profile.toString()).hasSize(1);
    }
}
