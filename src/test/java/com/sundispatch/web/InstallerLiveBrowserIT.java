package com.sundispatch.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installer's live screens (issue 18): an offer's countdown ticks every second in place, without the list
 * being rebuilt or a word said every second, and a live update of the job page changes what changed while the
 * focus and what the installer was doing stay where they are.
 */
class InstallerLiveBrowserIT extends BrowserTest {

    private final double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
    private final double lon = ThreadLocalRandom.current().nextDouble(-170, 170);

    @Test
    void offerCountdownTicksEverySecondInPlaceWithoutReloadingTheListOrTakingTheFocus() throws IOException {
        String installerEmail = approvedInstallerAt(lat, lon, "Countdown Solar", 50);
        String installer = login(installerEmail, PASSWORD).access();
        payOrderNearby(login(registerVerifiedCustomer(), PASSWORD).access());
        awaitOffer(installer);

        signIn(installerEmail, PASSWORD);
        open("/#/installer");
        WebElement countdown = waitFor(By.cssSelector("#offers .offer .countdown"));
        wait.until(d -> countdown.getText().matches("\\d+:\\d{2}"));
        assertThat(countdown.getAttribute("role")).isEqualTo("timer");
        WebElement accept = browser.findElement(By.cssSelector("#offers .offer button.accept"));
        js("arguments[0].focus(); window.sdList = document.getElementById('offers');"
                + " window.sdCard = document.querySelector('#offers .offer');", accept);

        int first = seconds(countdown.getText());
        long readAt = System.nanoTime();
        pause(2200);
        int second = seconds(countdown.getText());
        long apart = Duration.ofNanos(System.nanoTime() - readAt).toSeconds();
        assertThat(second).as("the countdown %s s apart", apart).isLessThan(first)
                .isBetween(first - (int) apart - 2, first - 1);
        assertThat(first).isBetween(8 * 60, 10 * 60);
        // The same list and card, not a rebuilt one; the focus stayed on the offer's accept button.
        assertThat(js("return document.getElementById('offers') === window.sdList"
                + " && document.querySelector('#offers .offer') === window.sdCard")).isEqualTo(true);
        assertThat(js("return document.activeElement === arguments[0]", accept)).isEqualTo(true);
        // Ticking is silent: only the thresholds (5 and 1 minute left, expired) are announced.
        assertThat(browser.findElement(By.id("offers-live")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.findElement(By.id("offers-live")).getText()).isEmpty();
        screenshots("offer-countdown");

        // The 15-second reload of the list keeps the card (and the focus) while the offer is still open.
        longWait().until(d -> seconds(countdown.getText()) <= first - 17);
        assertThat(js("return document.querySelector('#offers .offer') === window.sdCard"
                + " && document.activeElement === arguments[0]", accept)).isEqualTo(true);

        // In German the workplace speaks German, the countdown included.
        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        waitForText(By.tagName("h1"), "Installateur");
        WebElement german = waitFor(By.cssSelector("#offers .offer"));
        assertThat(german.getText()).contains("Zeit zum Annehmen", "Zeitraum des Kunden", "Annehmen", "Ablehnen");
        WebElement annehmen = german.findElement(By.cssSelector("button.accept"));
        screenshots("offer-countdown-de");

        annehmen.click();
        waitForText(By.id("offers-status"), "Der Auftrag gehört Ihnen.");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("open-accepted-job");
        wait.until(d -> d.findElements(By.cssSelector("#jobs .job[data-status=ASSIGNED]")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#jobs .job .badge")).getText())
                .isEqualTo("Installateur zugewiesen: Termin noch nicht vereinbart");
        screenshots("offer-accepted-de");
    }

    @Test
    void aLiveUpdateOfTheJobPageKeepsTheFocusAndWhatWasChosenWhileTheCustomerProposesAnotherTime() throws IOException {
        String installerEmail = approvedInstallerAt(lat, lon, "Live Job Solar", 50);
        String installer = login(installerEmail, PASSWORD).access();
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        payOrderNearby(customer);
        String offerId = awaitOffer(installer);
        String jobId = api.post("/api/v1/installer/offers/" + offerId + "/accept", null, installer).json()
                .path("jobId").asString();
        String jobs = "/api/v1/installer/jobs/" + jobId;
        JsonNode window = api.get(jobs, installer).json().path("window");
        Instant start = Instant.parse(window.path("start").asString()).plus(Duration.ofHours(1));
        Api.Response proposed = api.post(jobs + "/appointment/proposals", Map.of("start", start.toString(), "end",
                start.plus(Duration.ofHours(4)).toString()), installer);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);

        signIn(installerEmail, PASSWORD);
        open("/#/installer/jobs/" + jobId);
        waitForText(By.id("open-proposal"), "You proposed");
        assertThat(browser.findElement(By.id("job-status")).getText()).isEqualTo("Installer assigned: appointment not agreed yet");
        WebElement another = waitFor(By.cssSelector("#job-work .disclosure > button"));
        another.click();
        WebElement duration = waitFor(By.cssSelector("#proposal-form select[name=duration]"));
        new Select(duration).selectByValue("6");
        js("arguments[0].focus(); window.sdFocused = document.activeElement;"
                + " window.sdTitle = document.querySelector('h1'); window.sdForm = document.getElementById('proposal-form');",
                duration);
        screenshots("job-before-update");

        // The customer answers with another time: the page shows it within a poll, and nothing else moves.
        Instant later = start.plus(Duration.ofHours(2));
        Api.Response counter = api.post("/api/v1/installations/" + jobId + "/appointment/proposals", Map.of("start",
                later.toString(), "end", later.plus(Duration.ofHours(4)).toString()), customer);
        assertThat(counter.status()).as(counter.toString()).isEqualTo(201);
        longWait().until(d ->
                d.findElement(By.id("open-proposal")).getText().contains("The customer proposes"));
        waitFor(By.id("accept-proposal"));
        assertThat(js("return document.activeElement === window.sdFocused")).as("focus kept").isEqualTo(true);
        assertThat(js("return document.querySelector('h1') === window.sdTitle"
                + " && document.getElementById('proposal-form') === window.sdForm")).as("page not rebuilt").isEqualTo(true);
        assertThat(new Select(browser.findElement(By.cssSelector("#proposal-form select[name=duration]")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("6");
        assertThat(browser.findElement(By.cssSelector("#job-work .disclosure > button")).getAttribute("aria-expanded"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("job-live")).getAttribute("textContent")).isEqualTo("This job was updated.");
        screenshots("job-after-update");

        // Accepting the customer's time is the installer's own action: the status and the message follow it.
        browser.findElement(By.id("accept-proposal")).click();
        waitForText(By.id("job-status"), "Appointment agreed");
        waitForText(By.id("flash"), "The appointment is agreed.");
        waitFor(By.id("appointment"));
        screenshots("job-scheduled");
    }

    @Test
    void anApplicantSeesSentencesNotPatternsForRefusedFieldsAndTheApplicationWithItsStatusInWords() throws IOException {
        String email = registerVerifiedCustomer();
        signIn(email, PASSWORD);
        open("/#/installer");
        waitForText(By.tagName("h1"), "Become an installer");
        WebElement form = waitFor(By.id("apply-form"));
        // Sent empty: each required field says what it needs, and the focus goes to the first.
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector("[data-field=companyName]"), "Enter your company name.");
        assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("companyName");
        // A name the server refuses: the field's own sentence, never the server's pattern.
        // The address first: typing the phone last closes the place suggestions (they close when the field is left).
        fill(form, "addressLine", "Unter den Linden 1");
        fill(form, "postalCode", "10117");
        fill(form, "city", "Berlin");
        fill(form, "companyName", "<Sun>");
        fill(form, "licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999));
        fill(form, "phone", "+49 30 5550199");
        wait.until(d -> d.findElements(By.cssSelector("#apply-form [role=listbox]:not([hidden])")).isEmpty());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector("[data-field=companyName]"), "Enter your company name using letters");
        WebElement company = form.findElement(By.name("companyName"));
        assertThat(company.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("\\p{L}", "must match", "must not");
        screenshots("apply-refused");

        fill(form, "companyName", "Sonnenschein Montage GmbH");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("apply-status"), "Your application was sent.");
        waitForText(By.id("applications"), "Sonnenschein Montage GmbH");
        assertThat(browser.findElement(By.cssSelector("#applications .application-status")).getText())
                .isEqualTo("Waiting for review");
        assertThat(company.getAttribute("aria-invalid")).isNull();
        screenshots("apply-sent");
    }

    /** Long enough for a 15-second list reload or an 8-second job poll on a busy machine; a replaced part is looked up again. */
    private WebDriverWait longWait() {
        WebDriverWait longer = new WebDriverWait(browser, Duration.ofSeconds(40));
        longer.ignoring(StaleElementReferenceException.class);
        return longer;
    }

    private static int seconds(String countdown) {
        String[] parts = countdown.split(":");
        int total = 0;
        for (String part : parts) {
            total = total * 60 + Integer.parseInt(part.trim());
        }
        return total;
    }

    private void payOrderNearby(String customer) {
        Map<String, Object> where = installationAt(lat + 0.05, lon);
        Api.Response order = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId",
                createPanel(10, "99.00"), "quantity", 2)), "installation", where), customer);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String paymentId = api.post("/api/v1/orders/" + order.json().path("id").asString() + "/payments", null,
                customer).json().path("paymentId").asString();
        Api.Response paid = api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of("outcome", "succeeded"),
                customer);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
