package com.sundispatch.mobile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;
import com.sundispatch.support.MobileApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mobile apps' web target ({@code expo export --platform web}) in headless Chromium against this server: the
 * installer's app takes an offer and shows the job's exact address; the homeowner's app shows an order's
 * timeline and the assigned installer's public profile. The exports are served on loopback with {@code /api/} passed to the server (the apps call their own
 * origin on the web). Screenshots at desktop and phone size go to target/screenshots/.
 */
class MobileWebBrowserIT extends BrowserTest {

    /**
     * Closed after the class: the apps poll while the page is open, and the browser's end-of-test checks (console
     * errors, accessibility of the last state) run after this class's own clean-up would have closed a server.
     */
    private static final List<MobileApp.WebServer> SERVERS = new ArrayList<>();

    @AfterAll
    static void stopWebServers() {
        SERVERS.forEach(MobileApp.WebServer::close);
        SERVERS.clear();
    }

    private MobileApp.WebServer serve(String exportDir) throws IOException {
        MobileApp.WebServer web = new MobileApp.WebServer(exportDir, port);
        SERVERS.add(web);
        return web;
    }

    private static By id(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    private void signInToTheApp(String email, String password) {
        WebElement emailField = waitFor(id("email"));
        emailField.sendKeys(email);
        browser.findElement(id("password")).sendKeys(password);
        browser.findElement(id("sign-in")).click();
    }

    /** A verified customer's paid order for 6 panels, to be installed at a unique address at this point. */
    private Paid paidOrderAt(double lat, double lon) {
        String panel = createPanel(50, "100.00");
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        Map<String, Object> where = installationAt(lat, lon);
        Api.Response order = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel,
                "quantity", 6)), "installation", where), access);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, access).json()
                .path("paymentId").asString();
        Api.Response confirmed = api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), access);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return new Paid(email, orderId, (String) where.get("addressLine"));
    }

    private record Paid(String email, String orderId, String addressLine) {
    }

    @Test
    void theInstallersAppTakesAnOfferAndThenShowsTheExactAddress() throws Exception {
        double lat = 48.1 + ThreadLocalRandom.current().nextDouble();
        double lon = 11.5 + ThreadLocalRandom.current().nextDouble();
        String installer = approvedInstallerAt(lat + 0.01, lon, "Alpen Solar GmbH", 50);
        Paid paid = paidOrderAt(lat, lon);
        String offerId = awaitOffer(login(installer, PASSWORD).access());

        browser.get(serve("dist-installer").url());
        signInToTheApp(installer, PASSWORD);
        waitFor(id("offer-" + offerId));
        String before = waitFor(id("countdown-" + offerId)).getText();
        wait.until(d -> !d.findElement(id("countdown-" + offerId)).getText().equals(before));
        assertThat(browser.findElement(id("offers")).getText()).doesNotContain(paid.addressLine());
        screenshots("installer-offers");

        browser.findElement(id("accept-" + offerId)).click();
        waitFor(id("nav-jobs")).click();
        WebElement address = wait.until(d -> d.findElements(By.cssSelector("[data-testid^='job-address-']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(address.getText()).contains(paid.addressLine());
        screenshots("installer-job");
        Api.Response installation = api.get("/api/v1/orders/" + paid.orderId() + "/installation",
                login(paid.email(), PASSWORD).access());
        assertThat(installation.json().path("installer").path("companyName").asString()).isEqualTo("Alpen Solar GmbH");
    }

    @Test
    void theHomeownersAppShowsTheOrdersTimelineAndTheInstallersProfile() throws Exception {
        double lat = 50.1 + ThreadLocalRandom.current().nextDouble();
        double lon = 8.6 + ThreadLocalRandom.current().nextDouble();
        // an installer who takes the order, so the order screen has one to link to
        String installer = approvedInstallerAt(lat + 0.01, lon, "Main Solar GmbH", 50);
        Paid paid = paidOrderAt(lat, lon);
        String installerAccess = login(installer, PASSWORD).access();
        Api.Response accepted = api.post("/api/v1/installer/offers/" + awaitOffer(installerAccess) + "/accept", null,
                installerAccess);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        browser.get(serve("dist-homeowner").url());
        signInToTheApp(paid.email(), PASSWORD);
        waitFor(id("orders"));
        screenshots("homeowner-orders");
        waitFor(id("order-" + paid.orderId())).click();
        waitFor(id("timeline"));
        assertThat(waitFor(id("order-status")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("[data-testid^='timeline-step-']"))).isNotEmpty();
        assertThat(waitFor(id("installer")).getText()).contains("Main Solar GmbH");
        screenshots("homeowner-order");

        // the public profile, as the website shows it at #/installers/{id}
        waitFor(id("view-installer-profile")).click();
        WebElement company = wait.until(d -> d.findElements(id("profile-company")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(company.getText()).isEqualTo("Main Solar GmbH");
        assertThat(waitFor(id("profile-area")).getText()).contains("50 km");
        assertThat(waitFor(id("empty-state")).getText()).isEqualTo("No reviews yet.");
        screenshots("homeowner-installer-profile");
    }
}
