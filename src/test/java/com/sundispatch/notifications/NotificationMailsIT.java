package com.sundispatch.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.dispatch.internal.Dispatcher;
import com.sundispatch.support.Api;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.StepUp;
import com.sundispatch.support.TotpCodes;

import tools.jackson.databind.JsonNode;

/**
 * Every notification mail, through a real SMTP server (GreenMail), in English and in German: the right
 * recipient, subject, the amounts and names it must show, the other party's personal data never shown before
 * acceptance, security notices with their "not you?" link, and each mail sent exactly once.
 */
class NotificationMailsIT extends DispatchFixtures {

    /** Subject fragments per language (the mail's subject is the notification's title). */
    private static final Map<String, Map<String, String>> SUBJECTS = Map.of(
            "en", Map.ofEntries(Map.entry("placed", "confirmed: panels reserved"),
                    Map.entry("paid", "Payment received for order"), Map.entry("offer", "New job offer near"),
                    Map.entry("assigned", "Your installer: "), Map.entry("started", "Installation started"),
                    Map.entry("completed", "Your installation is complete"), Map.entry("review", "New review: 4 out of 5"),
                    Map.entry("cancelled", "cancelled"), Map.entry("approved", "is approved"),
                    Map.entry("rejected", "Your installer application for"),
                    Map.entry("taken", "Job offer taken by another installer"),
                    Map.entry("jobCancelled", "A job was cancelled"), Map.entry("expired", "A job offer expired"),
                    Map.entry("noInstaller", "We are still looking for an installer"),
                    Map.entry("passwordChanged", "password was changed"), Map.entry("newDevice", "New sign-in"),
                    Map.entry("mfaOn", "Two-factor sign-in is on"), Map.entry("mfaOff", "Two-factor sign-in was turned off"),
                    Map.entry("recovery", "A recovery code was used"), Map.entry("banned", "account was suspended"),
                    Map.entry("unbanned", "account is active again")),
            "de", Map.ofEntries(Map.entry("placed", "bestätigt: Module reserviert"),
                    Map.entry("paid", "Zahlung für Bestellung"), Map.entry("offer", "Neues Auftragsangebot"),
                    Map.entry("assigned", "Ihr Installateur: "), Map.entry("started", "Installation begonnen"),
                    Map.entry("completed", "Ihre Installation ist abgeschlossen"), Map.entry("review", "Neue Bewertung: 4 von 5"),
                    Map.entry("cancelled", "storniert"), Map.entry("approved", "ist freigeschaltet"),
                    Map.entry("rejected", "Ihre Bewerbung als Installateur für"),
                    Map.entry("taken", "von einem anderen Installateur übernommen"),
                    Map.entry("jobCancelled", "Ein Auftrag wurde storniert"),
                    Map.entry("expired", "Ein Auftragsangebot ist abgelaufen"),
                    Map.entry("noInstaller", "Wir suchen noch einen Installateur"),
                    Map.entry("passwordChanged", "Passwort wurde geändert"), Map.entry("newDevice", "Neue Anmeldung"),
                    Map.entry("mfaOn", "Zwei-Faktor-Anmeldung ist eingeschaltet"),
                    Map.entry("mfaOff", "Zwei-Faktor-Anmeldung wurde ausgeschaltet"),
                    Map.entry("recovery", "Wiederherstellungscode wurde"), Map.entry("banned", "Konto wurde gesperrt"),
                    Map.entry("unbanned", "Konto ist wieder aktiv")));

    @Autowired
    private Dispatcher dispatcher;

    private static String subject(String language, String key) {
        return SUBJECTS.get(language).get(key);
    }

    /** Switches an account's language through its profile. */
    private void speak(String access, String language) {
        Api.Response r = api.patch("/api/v1/me", Map.of("language", language), access);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static String ref(String orderId) {
        return orderId.substring(0, 8).toUpperCase();
    }

    /** A verified customer speaking the language, with an order of 6 panels at 100.00 (total 1,360.00) near home. */
    private record Ordered(String email, String access, String orderId, String place, String street) {
    }

    private Ordered order(String language) {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        speak(access, language);
        assertThat(api.patch("/api/v1/me", Map.of("fullName", "Clara Homeowner"), access).status()).isEqualTo(200);
        Map<String, Object> where = new HashMap<>(installationAt(homeLat, homeLon));
        where.put("preferredStart", windowStart().toString());
        where.put("preferredEnd", windowStart().plus(Duration.ofHours(8)).toString());
        Api.Response order = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId",
                createPanel(50, "100.00"), "quantity", 6)), "installation", where), access);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().path("total").path("amount").asString()).isEqualTo("1360.00");
        return new Ordered(email, access, order.json().path("id").asString(),
                where.get("postalCode") + " " + where.get("city"), (String) where.get("addressLine"));
    }

    private String pay(Ordered o) {
        String paymentId = api.post("/api/v1/orders/" + o.orderId() + "/payments", null, o.access()).json()
                .path("paymentId").asString();
        Api.Response confirmed = api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), o.access());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return paymentId;
    }

    private static String amount(String language) {
        return "de".equals(language) ? "1.360,00" : "€1,360.00";
    }

    private static void assertHtmlAndText(MimeMessage mail, String language, String... texts) {
        assertThat(Mailbox.body(mail)).contains(texts);
        assertThat(Mailbox.html(mail)).contains("lang=\"" + language + "\"");
    }

    private JsonNode firstOffer(Installer installer) {
        List<JsonNode> offers = offersOf(installer);
        assertThat(offers).hasSize(1);
        return offers.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "de" })
    void homeownerAndInstallerHearEveryStepOfAnInstallation(String language) throws Exception {
        Installer installer = installer(1.0);
        speak(installer.access(), language);
        String installerName = api.get("/api/v1/me", installer.access()).json().path("fullName").asString();
        Ordered o = order(language);

        MimeMessage placed = Mailbox.await(o.email(), subject(language, "placed"));
        assertThat(placed.getSubject()).contains(ref(o.orderId()));
        assertHtmlAndText(placed, language, "6 × Test Panel", amount(language),
                "de".equals(language) ? "Reserviert bis" : "Reserved until", "/#/orders/" + o.orderId());

        String paymentId = pay(o);
        MimeMessage paid = Mailbox.await(o.email(), subject(language, "paid"));
        assertHtmlAndText(paid, language, amount(language), paymentId);

        MimeMessage offer = Mailbox.await(installer.email(), subject(language, "offer"));
        JsonNode offerView = firstOffer(installer);
        // The link opens that very offer (its card in focus), not just the installer page.
        assertHtmlAndText(offer, language, o.place(), "6",
                "/#/installer/offers/" + offerView.path("offerId").asString());
        // Before accepting, the installer learns nothing about who the customer is or where exactly they live.
        assertThat(Mailbox.body(offer) + Mailbox.html(offer)).doesNotContain(o.street(), "Clara", o.email());

        Api.Response accepted = api.post("/api/v1/installer/offers/" + offerView.path("offerId").asString()
                + "/accept", null, installer.access());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        String jobId = accepted.json().path("jobId").asString();
        MimeMessage assigned = Mailbox.await(o.email(), subject(language, "assigned"));
        assertHtmlAndText(assigned, language, "Sun & Sons GmbH", installerName);

        Held held = startOnTheDay(schedule(held(installer, new Paid(new Customer(o.email(), o.access()),
                o.orderId()), jobId)));
        Mailbox.await(o.email(), subject(language, "started"));
        confirm(submitReport(held));
        MimeMessage completed = Mailbox.await(o.email(), subject(language, "completed"));
        assertHtmlAndText(completed, language, "de".equals(language) ? "Installation bewerten"
                : "Rate the installation");

        assertThat(api.post("/api/v1/installations/" + jobId + "/review", Map.of("rating", 4, "comment",
                "Tidy work, on time."), held.customer().access()).status()).isEqualTo(201);
        MimeMessage review = Mailbox.await(installer.email(), subject(language, "review"));
        assertHtmlAndText(review, language, "Tidy work, on time.");

        // Each step once, in the mailbox and in the app.
        for (String key : List.of("placed", "paid", "assigned", "started", "completed")) {
            assertThat(Mailbox.count(o.email(), subject(language, key))).as(key).isEqualTo(1);
        }
        JsonNode inbox = api.get("/api/v1/me/notifications", held.customer().access()).json();
        List<String> kinds = new ArrayList<>();
        inbox.path("items").forEach(i -> kinds.add(i.path("kind").asString()));
        assertThat(kinds).containsSubsequence("INSTALLATION_COMPLETED", "INSTALLATION_STARTED", "INSTALLER_ASSIGNED",
                "PAYMENT_RECEIVED", "ORDER_PLACED");
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "de" })
    void paidOrderCancelledThenTheRefundMailShowsTheAmount(String language) {
        Ordered o = order(language);
        pay(o);
        assertThat(api.post("/api/v1/orders/" + o.orderId() + "/cancel", null, o.access()).status()).isEqualTo(200);
        MimeMessage cancelled = Mailbox.await(o.email(), ref(o.orderId()) + " " + subject(language, "cancelled"));
        assertHtmlAndText(cancelled, language, amount(language));
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "de" })
    void applicantHearsTheDecisionAndAdminsHearOfTheApplication(String language) {
        String admin = adminToken();
        String approvedEmail = registerVerifiedCustomer();
        String access = login(approvedEmail, PASSWORD).access();
        speak(access, language);
        String company = "Helios " + language.toUpperCase() + " " + Instant.now().toEpochMilli();
        String appId = apply(access, company);
        Mailbox.await(ADMIN_EMAIL, "New installer application: " + company);
        assertThat(api.post("/api/v1/admin/installers/applications/" + appId + "/approve", Map.of(), admin).status())
                .isEqualTo(200);
        assertHtmlAndText(Mailbox.await(approvedEmail, subject(language, "approved")), language, company);

        String rejectedEmail = registerVerifiedCustomer();
        String other = login(rejectedEmail, PASSWORD).access();
        speak(other, language);
        String rejectedId = apply(other, company + " Zwei");
        assertThat(api.post("/api/v1/admin/installers/applications/" + rejectedId + "/reject",
                Map.of("reason", "The licence number is not valid."), admin).status()).isEqualTo(200);
        assertHtmlAndText(Mailbox.await(rejectedEmail, subject(language, "rejected")), language,
                "The licence number is not valid.");
    }

    private String apply(String access, String company) {
        Api.Response applied = api.post("/api/v1/installers/applications", Map.of("companyName", company,
                "licenseNumber", "LIC-" + System.nanoTime() % 1_000_000, "baseAddress",
                baseAddressAt(homeLat, homeLon), "serviceRadiusKm", 50, "phone", "+49 30 5550100"), access);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        return applied.json().path("id").asString();
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "de" })
    void theInstallerWhoLostHearsOfferTakenAndTheWinnerHearsTheCancellation(String language) {
        Installer winner = installer(1.0);
        Installer loser = installer(2.0);
        speak(winner.access(), language);
        speak(loser.access(), language);
        Ordered o = order("en");
        pay(o);
        String offerId = firstOffer(winner).path("offerId").asString();
        assertThat(api.post("/api/v1/installer/offers/" + offerId + "/accept", null, winner.access()).status())
                .isEqualTo(200);
        Mailbox.await(loser.email(), subject(language, "taken"));

        assertThat(api.post("/api/v1/orders/" + o.orderId() + "/cancel", null, o.access()).status()).isEqualTo(200);
        assertHtmlAndText(Mailbox.await(winner.email(), subject(language, "jobCancelled")), language,
                ref(o.orderId()));
    }

    @Test
    void anOfferThatRunsOutIsReported() {
        Installer installer = installer(1.0);
        Ordered o = order("en");
        pay(o);
        firstOffer(installer);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        dispatcher.expireOffers();
        Mailbox.await(installer.email(), subject("en", "expired"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "de" })
    void noInstallerFoundTellsTheHomeownerWhatHappensNextAndAlertsAdmins(String language) {
        // Nobody works anywhere near this spot.
        Ordered o = order(language);
        pay(o);
        MimeMessage mail = Mailbox.await(o.email(), subject(language, "noInstaller"));
        assertHtmlAndText(mail, language, o.place(), "de".equals(language) ? "So geht es weiter"
                : "What happens next");
        Mailbox.await(ADMIN_EMAIL, "Job unassigned: order " + ref(o.orderId()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "de" })
    void securityNoticesReachTheOwnerWithASecureYourAccountLink(String language) {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        speak(access, language);
        String notYou = "de".equals(language) ? "Das waren nicht Sie?" : "Not you?";

        // A sign-in from another browser, without this device's cookie.
        Api.Response other = api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD),
                null, Map.of("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/17.5 Safari/605.1.15"));
        assertThat(other.status()).isEqualTo(200);
        assertHtmlAndText(Mailbox.await(email, subject(language, "newDevice")), language, "Safari", "macOS",
                "127.0.0.0/24", notYou, "/#/forgot");

        stepUp(access);
        String newPassword = "Quiet-harbour-lantern-8841";
        Api.Response changed = api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", newPassword), access);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertHtmlAndText(Mailbox.await(email, subject(language, "passwordChanged")), language, notYou);

        String fresh = login(email, newPassword).access();
        StepUp.withPassword(api, fresh, newPassword);
        String secret = api.post("/api/v1/me/mfa/totp/setup", null, fresh).json().path("secret").asString();
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable",
                Map.of("code", TotpCodes.code(secret, TotpCodes.step(clock.instant()) - 1)), fresh);
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        Mailbox.await(email, subject(language, "mfaOn"));

        String recovery = enabled.json().path("recoveryCodes").get(0).asString();
        String mfaToken = api.post("/api/v1/auth/login", Map.of("email", email, "password", newPassword)).json()
                .path("mfaToken").asString();
        Api.Response viaRecovery = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken,
                "code", recovery));
        assertThat(viaRecovery.status()).as(viaRecovery.toString()).isEqualTo(200);
        assertHtmlAndText(Mailbox.await(email, subject(language, "recovery")), language, "9");

        assertThat(api.post("/api/v1/me/mfa/totp/disable", Map.of("code", enabled.json().path("recoveryCodes")
                .get(1).asString(), "password", newPassword), fresh).status()).isEqualTo(204);
        Mailbox.await(email, subject(language, "mfaOff"));

        String admin = adminToken();
        String id = api.get("/api/v1/me", fresh).json().path("id").asString();
        assertThat(api.post("/api/v1/admin/users/" + id + "/ban", Map.of("reason", "fraud"), admin).status())
                .isEqualTo(200);
        Mailbox.await(email, subject(language, "banned"));
        assertThat(api.post("/api/v1/admin/users/" + id + "/unban", Map.of(), admin).status()).isEqualTo(200);
        Mailbox.await(email, subject(language, "unbanned"));
        assertThat(Mailbox.count(email, subject(language, "passwordChanged"))).isEqualTo(1);
    }
}
