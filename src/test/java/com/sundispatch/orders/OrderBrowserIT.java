package com.sundispatch.orders;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;
import com.sundispatch.support.TestImages;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's order page (issue 18) in each important state, driven through the API while the page is open:
 * placed and unpaid, paid and looking for an installer, installer booked, appointment agreed, installed and
 * awaiting confirmation, completed with the review shown after writing it, cancelled with the refund. In every
 * state the page names the status in words and the next step, the timeline carries the times the API gives (no
 * seconds), and a live update changes the page in place: the same elements stay, keyboard focus stays where it
 * was. Screenshots: target/screenshots/OrderBrowserIT-*.png (desktop and phone).
 */
class OrderBrowserIT extends BrowserTest {

    private static final int PANELS = 2;

    @Test
    void liveOrderPageMovesFromUnpaidToBookedInPlaceKeepingFocusAndShowsTheRefundAfterCancelling() throws IOException {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        String installerEmail = approvedInstallerAt(lat, lon, "Lichtblick Montage", 50);
        String customerEmail = registerVerifiedCustomer();
        String customer = login(customerEmail, PASSWORD).access();
        String orderId = placeOrderAt(customer, lat, lon);

        // Placed, not paid: the status in words, "Pay now" as the next step, the placing time on the timeline.
        signIn(customerEmail, PASSWORD);
        open("/#/orders");
        WebElement card = waitFor(By.cssSelector("#orders .order-card[data-order='" + orderId + "']"));
        assertThat(card.getText()).contains("Awaiting payment", "Pay now", PANELS + " × ").doesNotContain("PENDING_PAYMENT");
        screenshots("orders-list");
        card.findElement(By.cssSelector("h2 a")).click();
        waitForText(By.id("order-status"), "Awaiting payment");
        waitForText(By.id("next-step"), "Pay now");
        assertStepHasTime("placed");
        assertThat(step("paid").getAttribute("aria-current")).isEqualTo("step");
        assertThat(text(By.id("order-summary"))).contains("Panels subtotal", "Installation", "Total", "incl. VAT");
        assertThat(browser.findElement(By.id("pay")).isDisplayed()).isTrue();
        screenshots("placed-unpaid");

        // Paid elsewhere (the sandbox over the API): the open page follows without being built again.
        js("arguments[0].sdKept = true", browser.findElement(By.id("order-title")));
        pay(customer, orderId);
        waitForText(By.id("order-status"), "Paid");
        waitForText(By.id("next-step"), "We are looking for an installer near you");
        assertThat(js("return document.getElementById('order-title').sdKept === true")).isEqualTo(true);
        assertThat(browser.findElement(By.id("pay")).isDisplayed()).isFalse();
        assertStepHasTime("paid");
        assertThat(step("assigned").getAttribute("aria-current")).isEqualTo("step");
        waitForText(By.id("order-update"), "Paid");
        screenshots("paid-searching");

        // Focus on "Cancel order" while an installer accepts: the page shows the installer, focus stays put.
        WebElement cancel = browser.findElement(By.id("cancel"));
        js("arguments[0].focus()", cancel);
        assertThat(js("return document.activeElement === arguments[0]", cancel)).isEqualTo(true);
        String installer = login(installerEmail, PASSWORD).access();
        String jobId = api.post("/api/v1/installer/offers/" + awaitOffer(installer) + "/accept", null, installer)
                .json().path("jobId").asString();
        waitForText(By.id("order-status"), "Installer booked");
        waitForText(By.id("installer-line"), "Lichtblick Montage");
        waitForText(By.id("next-step"), "Your installer proposes a date");
        assertThat(js("return document.activeElement === arguments[0]", cancel)).as("focus kept during the live update")
                .isEqualTo(true);
        assertThat(js("return document.getElementById('order-title').sdKept === true")).isEqualTo(true);
        assertThat(step("assigned").getAttribute("class")).isEqualTo("done");
        assertStepHasTime("assigned");
        screenshots("installer-booked");

        // The installer proposes a date, the customer confirms it on the page: the appointment is agreed.
        Instant start = windowStartOf(installer, jobId).plus(Duration.ofHours(1));
        propose(installer, jobId, start);
        waitForText(By.id("next-step"), "Confirm the appointment");
        waitFor(By.id("accept-proposal")).click();
        waitForText(By.id("job-status"), "Appointment agreed");
        waitForText(By.id("next-step"), "Your appointment is agreed");
        assertStepHasTime("appointment");
        assertThat(step("started").getAttribute("aria-current")).isEqualTo("step");
        screenshots("scheduled");

        // Cancelled after an installer was booked: the fee is kept, the rest refunded; the timeline says so.
        browser.findElement(By.id("cancel")).click();
        WebElement dialog = waitFor(By.cssSelector("dialog.modal #cancel-order-form"));
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("order-status"), "Cancelled");
        waitForText(By.id("flash"), "Your order is cancelled.");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("order-title");
        assertStepHasTime("cancelled");
        wait.until(d -> !d.findElements(By.cssSelector("#order-timeline li[data-step=refunded] time")).isEmpty());
        waitForText(By.id("next-step"), "Your money is back");
        assertThat(browser.findElement(By.id("installation")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("cancel")).isDisplayed()).isFalse();
        screenshots("cancelled-refunded");
    }

    @Test
    void installedOrderIsConfirmedOnThePageAndTheReviewIsShownWithStarsAfterWritingIt() throws IOException {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        String installerEmail = approvedInstallerAt(lat, lon, "Sternwerk Solar", 50);
        String customerEmail = registerVerifiedCustomer();
        String customer = login(customerEmail, PASSWORD).access();
        String orderId = placeOrderAt(customer, lat, lon);
        pay(customer, orderId);
        String installer = login(installerEmail, PASSWORD).access();
        String jobId = api.post("/api/v1/installer/offers/" + awaitOffer(installer) + "/accept", null, installer)
                .json().path("jobId").asString();
        Instant start = windowStartOf(installer, jobId).plus(Duration.ofHours(1));
        String proposalId = propose(installer, jobId, start);
        assertThat(api.post("/api/v1/installations/" + jobId + "/appointment/proposals/" + proposalId + "/accept",
                null, customer).status()).isEqualTo(200);
        clock.advance(Duration.between(clock.instant(), start).plusMinutes(10));
        installer = login(installerEmail, PASSWORD).access();
        assertThat(api.post("/api/v1/installer/jobs/" + jobId + "/start", null, installer).status()).isEqualTo(200);

        // Installing: the report is what comes next.
        signIn(customerEmail, PASSWORD);
        open("/#/orders/" + orderId);
        waitForText(By.id("order-status"), "Installation in progress");
        waitForText(By.id("next-step"), "The installation is in progress");
        assertThat(step("report").getAttribute("aria-current")).isEqualTo("step");
        screenshots("installing");

        // The report arrives while the page is open: confirm is the next step.
        submitReport(installer, jobId);
        waitForText(By.id("order-status"), "Installed: please confirm");
        waitForText(By.id("next-step"), "Confirm the installation");
        waitFor(By.id("confirm-installation"));
        assertStepHasTime("report");
        screenshots("awaiting-confirmation");

        // Confirmed on the page: the review form is where focus goes, then the review is shown with its stars.
        browser.findElement(By.id("confirm-installation")).click();
        waitForText(By.id("order-status"), "Installed");
        waitForText(By.id("next-step"), "Rate your installer");
        WebElement review = waitFor(By.id("review-form"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("review-title");
        screenshots("completed-review-form");
        new Select(review.findElement(By.name("rating"))).selectByValue("4");
        review.findElement(By.name("comment")).sendKeys("Tidy work, friendly team.");
        review.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash"), "Thank you for your review");
        waitForText(By.id("reviewed"), "You reviewed this installation");
        waitForText(By.id("next-step"), "All done");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("review-title");
        assertThat(browser.findElements(By.id("review-form"))).isEmpty();
        String fresh = login(customerEmail, PASSWORD).access();
        JsonNode installation = api.get("/api/v1/orders/" + orderId + "/installation", fresh).json();
        // The review as written and the installer's public profile, where the server gives them (0.13.0).
        if (installation.path("review").isObject()) {
            WebElement shown = waitFor(By.id("own-review"));
            assertThat(shown.getText()).contains("Tidy work, friendly team.", "★★★★☆");
            assertThat(browser.findElement(By.id("own-review-rating")).getAttribute("aria-label")).isEqualTo("4 out of 5 stars");
        }
        if (installation.path("installer").path("id").isString()) {
            assertThat(browser.findElement(By.id("installer-profile")).getAttribute("href"))
                    .endsWith("#/installers/" + installation.path("installer").path("id").asString());
        }
        assertThat(step("reviewed").getAttribute("class")).isEqualTo("done");
        assertStepHasTime("started");
        assertStepHasTime("completed");
        screenshots("completed-reviewed");

        // Printed, the page is a receipt: the money summary and documents stay, the controls and forms go.
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.id("order-summary")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("order-total")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("next-step")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("print-receipt")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("installation")).isDisplayed()).isFalse();
        screenshots("receipt-print");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    private String placeOrderAt(String customer, double lat, double lon) {
        Api.Response placed = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId",
                createPanel(10, "249.00"), "quantity", PANELS)), "installation", installationAt(lat + 0.05, lon)), customer);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().path("id").asString();
    }

    private void pay(String customer, String orderId) {
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, customer).json()
                .path("paymentId").asString();
        assertThat(api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of("outcome", "succeeded"),
                customer).status()).isEqualTo(200);
    }

    private Instant windowStartOf(String installer, String jobId) {
        return Instant.parse(api.get("/api/v1/installer/jobs/" + jobId, installer).json().path("window").path("start")
                .asString());
    }

    private String propose(String installer, String jobId, Instant start) {
        Api.Response proposed = api.post("/api/v1/installer/jobs/" + jobId + "/appointment/proposals", Map.of("start",
                start.toString(), "end", start.plus(Duration.ofHours(4)).toString()), installer);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return proposed.json().path("scheduling").path("openProposal").path("id").asString();
    }

    private void submitReport(String installer, String jobId) {
        String jobs = "/api/v1/installer/jobs/" + jobId;
        Api.Response photo = api.upload(jobs + "/photos", "photo", "roof.png", "image/png", TestImages.png(64, 48),
                installer);
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        Api.Response done = api.post(jobs + "/complete", Map.of("checklist", Map.of("panelsMounted", true,
                "inverterConnected", true, "systemCommissioned", true, "gridDocumentsHandedOver", true),
                "serialNumbers", List.of("LB-1", "LB-2"), "notes", "Done.", "photoIds",
                List.of(photo.json().path("photoId").asString())), installer);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }

    private WebElement step(String key) {
        return waitFor(By.cssSelector("#order-timeline li[data-step=" + key + "]"));
    }

    /** The timeline entry carries its time as a machine-readable instant and as words without seconds. */
    private void assertStepHasTime(String key) {
        WebElement time = waitFor(By.cssSelector("#order-timeline li[data-step=" + key + "] time"));
        assertThat(Instant.parse(time.getAttribute("datetime"))).isNotNull();
        assertThat(time.getText()).isNotBlank().doesNotContainPattern("\\d:\\d\\d:\\d\\d").doesNotContain("null");
    }

    private String text(By by) {
        return browser.findElement(by).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
