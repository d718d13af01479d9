package com.sundispatch.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;
import com.sundispatch.support.TestImages;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop's other pages: reviews on the landing page, installers' profiles, the legal pages, sign-in errors. */
class ShopBrowserIT extends BrowserTest {

    @Test
    void aReviewShowsOnTheLandingPageAndTheInstallersProfileWithAccessibleStars() throws IOException {
        String installerId = reviewedInstallation(4, "Tidy work, on time.", "Profil Solar GmbH");

        open("/");
        WebElement reviews = waitFor(By.id("home-reviews"));
        waitForText(By.id("reviews"), "Tidy work, on time.");
        assertThat(reviews.findElement(By.cssSelector(".stars")).getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(reviews.getText()).contains("out of 5 stars");
        screenshots("landing-with-reviews");

        WebElement card = browser.findElements(By.cssSelector("#reviews .review")).stream()
                .filter(c -> c.getText().contains("Tidy work, on time.")).findFirst().orElseThrow();
        card.findElement(By.cssSelector(".review-installer a")).click();
        waitFor(By.id("installer-profile"));
        assertThat(browser.getCurrentUrl()).endsWith("#/installers/" + installerId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Profil Solar GmbH");
        assertThat(browser.findElement(By.id("installer-area")).getText()).contains("Installs within 50 km of", "Germany");
        assertThat(browser.findElement(By.id("installer-rating")).getText()).contains("4 out of 5 stars", "1 review");
        assertThat(browser.findElement(By.id("installer-reviews")).getText()).contains("Tidy work, on time.");
        assertThat(browser.findElement(By.cssSelector(".verified")).getText()).startsWith("Verified installer since");
        screenshots("installer-profile");

        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        waitForText(By.id("installer-rating"), "4 von 5 Sternen");
        assertThat(browser.findElement(By.id("installer-area")).getText()).contains("Deutschland");
        screenshots("installer-profile-de");
    }

    @Test
    void anUnknownInstallerOrPanelIsAFriendlyNotFound() throws IOException {
        open("/#/installers/no-such-installer");
        waitForText(By.tagName("h1"), "Installer not found");
        screenshots("installer-not-found");
        open("/#/panel/no-such-panel");
        waitForText(By.tagName("h1"), "Panel not found");
    }

    @Test
    void imprintAndPrivacyComeFromTheServerInTheCurrentLanguage() throws IOException {
        JsonNode legal = api.get("/api/v1/public/legal").json();
        open("/");
        browser.findElement(By.id("link-imprint")).click();
        waitForText(By.tagName("h1"), "Imprint");
        waitForText(By.id("imprint"), legal.path("imprint").path("company").asString());
        screenshots("imprint");
        browser.findElement(By.id("link-privacy")).click();
        waitForText(By.tagName("h1"), "Privacy");
        WebElement text = waitFor(By.cssSelector("#privacy p"));
        String english = legal.path("privacy").path("en").asString();
        assertThat(english).startsWith(text.getText().substring(0, Math.min(20, text.getText().length())));
        assertThat(browser.findElements(By.cssSelector("#privacy p")).size()).isGreaterThan(1);
        screenshots("privacy");
        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        waitForText(By.tagName("h1"), "Datenschutz");
        String german = legal.path("privacy").path("de").asString();
        String first = waitFor(By.cssSelector("#privacy p")).getText();
        assertThat(german).startsWith(first.substring(0, Math.min(20, first.length())));
        screenshots("privacy-de");
    }

    @Test
    void signInErrorsAreOneSentenceEachAndFieldsSayWhatIsMissing() throws IOException {
        open("/#/login");
        WebElement form = waitFor(By.id("login-form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector("#login-form .field-error[data-field=email]"), "Enter your email address.");
        assertThat(form.findElement(By.name("email")).getAttribute("aria-invalid")).isEqualTo("true");
        fill(form, "email", "nobody-" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.test");
        fill(form, "password", "Wrong password 123");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector("#login-form .form-error"), "The email address or the password is not correct.");
        screenshots("login-refused");

        open("/#/register");
        WebElement register = waitFor(By.id("register-form"));
        fill(register, "fullName", "Ada <b>");
        fill(register, "email", "not-an-email");
        fill(register, "password", PASSWORD);
        register.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector("#register-form .field-error[data-field=email]"), "Enter a valid email address");
        List<String> shown = new ArrayList<>();
        browser.findElements(By.cssSelector("#register-form .field-error, #register-form .form-error"))
                .forEach(e -> shown.add(e.getText()));
        assertThat(String.join(" ", shown)).doesNotContain("must be", "must not", "regex", "^");
        screenshots("register-refused");

        open("/#/forgot");
        WebElement forgot = waitFor(By.id("forgot-form"));
        fill(forgot, "email", registerCustomer());
        forgot.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("forgot-done"), "If there is an account for this address");
        screenshots("forgot-sent");
    }

    /** An installer with one completed, confirmed and reviewed installation; returns the installer's id. */
    private String reviewedInstallation(int rating, String comment, String company) {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        String installerEmail = approvedInstallerAt(lat, lon, company, 50);
        String customerEmail = registerVerifiedCustomer();
        String customer = login(customerEmail, PASSWORD).access();
        String orderId = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", createPanel(10, "99.00"),
                "quantity", 2)), "installation", installationAt(lat + 0.05, lon)), customer).json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, customer).json()
                .path("paymentId").asString();
        api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), customer);
        String jobId = wait.until(d -> {
            Api.Response r = api.get("/api/v1/orders/" + orderId + "/installation", customer);
            return r.status() == 200 && !r.json().path("jobId").asString().isEmpty() ? r.json().path("jobId").asString() : null;
        });
        String installer = login(installerEmail, PASSWORD).access();
        String offerId = wait.until(d -> {
            for (JsonNode o : api.get("/api/v1/installer/offers", installer).json()) {
                if (o.path("jobId").asString().equals(jobId)) {
                    return o.path("offerId").asString();
                }
            }
            return null;
        });
        ok(api.post("/api/v1/installer/offers/" + offerId + "/accept", null, installer));
        Instant appointment = clock.instant().plus(Duration.ofDays(7)).plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        Api.Response proposed = api.post("/api/v1/installer/jobs/" + jobId + "/appointment/proposals", Map.of("start",
                appointment.toString(), "end", appointment.plus(Duration.ofHours(6)).toString()), installer);
        ok(proposed);
        String proposalId = proposed.json().path("scheduling").path("openProposal").path("id").asString();
        ok(api.post("/api/v1/installations/" + jobId + "/appointment/proposals/" + proposalId + "/accept", null, customer));
        clock.advance(Duration.between(clock.instant(), appointment));
        String installerNow = login(installerEmail, PASSWORD).access();
        String customerNow = login(customerEmail, PASSWORD).access();
        ok(api.post("/api/v1/installer/jobs/" + jobId + "/start", null, installerNow));
        Api.Response photo = api.upload("/api/v1/installer/jobs/" + jobId + "/photos", "photo", "roof.png", "image/png",
                TestImages.png(64, 48), installerNow);
        ok(photo);
        ok(api.post("/api/v1/installer/jobs/" + jobId + "/complete", Map.of("checklist", Map.of("panelsMounted", true,
                "inverterConnected", true, "systemCommissioned", true, "gridDocumentsHandedOver", true),
                "serialNumbers", List.of("SN-SHOP-" + jobId.substring(0, 8) + "-1", "SN-SHOP-" + jobId.substring(0, 8) + "-2"),
                "notes", "All done.", "photoIds", List.of(photo.json().path("photoId").asString())), installerNow));
        ok(api.post("/api/v1/installations/" + jobId + "/confirm", null, customerNow));
        ok(api.post("/api/v1/installations/" + jobId + "/review", Map.of("rating", rating, "comment", comment), customerNow));
        return api.get("/api/v1/me", installerNow).json().path("id").asString();
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
    }
}
