package com.sundispatch.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.sundispatch.support.BrowserTest;
import com.sundispatch.support.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

/** The main journeys of homeowners, installers and admins in a real browser. */
class JourneyBrowserIT extends BrowserTest {

    @Test
    void homeownerRegistersGetsAQuoteAndOrdersTheQuotedPanelsThroughTheFunnel() throws IOException {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        open("/#/register");
        WebElement form = waitFor(By.id("register-form"));
        fill(form, "fullName", "Grace Hopper");
        fill(form, "email", email);
        fill(form, "password", "short");
        assertThat(browser.findElement(By.id("password-hint")).getText()).contains("at least 12 characters");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector("#register-form .field-error[data-field=password]"), "at least 12 characters");
        // A password that meets the visible rules but that the server refuses: the meter never promised more.
        fill(form, "password", "Password1234");
        String hint = browser.findElement(By.id("password-hint")).getText();
        assertThat(hint).contains("known from data breaches").doesNotContainIgnoringCase("looks good");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector("#register-form .field-error[data-field=password]"), "too easy to guess");
        screenshots("register-weak-password");
        fill(form, "password", PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("register-done"), "We sent a mail to " + email);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check your mailbox");

        String link = Mailbox.body(Mailbox.await(email, "Confirm your email")).lines()
                .filter(l -> l.contains("/verify-email#token=")).findFirst().orElseThrow();
        // The templated mail puts its button's label before the link ("Confirm your email: http://...").
        link = link.substring(link.indexOf("http")).trim();
        browser.get(link.replace("http://localhost:8080", base()));
        waitFor(By.id("verified"));
        signIn(email, PASSWORD);

        // The quote for a chosen panel: words and numbers, the assumptions behind a disclosure, no formula.
        String panel = createPanel(80, "150.00");
        open("/#/quote?panel=" + panel);
        WebElement quote = waitFor(By.id("quote-form"));
        waitFor(By.id("quote-panel"));
        fill(quote, "monthlyKwh", "250");
        quote.findElement(By.name("postalCode")).sendKeys("10117");
        quote.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement result = waitFor(By.id("quote-summary"));
        int count = Integer.parseInt(result.getText().replaceAll("^(\\d+) panels?.*$", "$1"));
        assertThat(browser.findElement(By.id("quote-result")).getText()).doesNotContain("ceil(", "kWp)/", "monthlyKwh")
                .contains("How we estimated this");
        assertThat(browser.findElement(By.id("quote-panels")).getText()).isEqualTo(money(150L * count + ".00"));
        String quotedTotal = browser.findElement(By.id("quote-total")).getText();
        screenshots("quote");

        // The funnel carries the quote's count and panel: the order is for exactly what was quoted.
        browser.findElement(By.id("quote-continue")).click();
        WebElement order = waitFor(By.id("order-form"));
        assertThat(order.findElement(By.name("quantity")).getAttribute("value")).isEqualTo(String.valueOf(count));
        assertThat(browser.findElement(By.id("from-quote")).getText()).contains(count + " panel", "250 kWh");
        assertThat(browser.findElement(By.cssSelector("#order-steps li.done")).getText()).startsWith("Size");
        fill(order, "addressLine", "Unter den Linden 1");
        fill(order, "city", "Berlin");
        fill(order, "postalCode", "10117");
        waitForText(By.id("review-where"), "Unter den Linden 1, 10117 Berlin");
        assertThat(browser.findElement(By.id("review-panels")).getText()).isEqualTo(money(150L * count + ".00"));
        assertThat(browser.findElement(By.id("review-total")).getText()).isEqualTo(quotedTotal);
        screenshots("funnel-review");

        order.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement pay = waitFor(By.id("confirm-payment"));
        assertThat(browser.findElement(By.id("checkout-amount")).getText()).isEqualTo(quotedTotal);
        screenshots("sandbox-checkout");
        pay.click();
        waitForText(By.id("order-status"), "Paid");
        assertThat(browser.getCurrentUrl()).contains("#/orders/");
        assertThat(browser.findElement(By.id("order-total")).getText()).isEqualTo(quotedTotal);
    }

    /** "€1,270.00" as en-GB writes an amount. */
    private static String money(String amount) {
        return "€" + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK)).format(new BigDecimal(amount));
    }

    @Test
    void installerAcceptsAnOfferAndSeesTheCustomersAddress() {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        String installerEmail = approvedInstallerAt(lat, lon, "Browser Solar", 50);

        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        // A typed address (no coordinates) that the test geocoder places 5.5 km from the installer's base.
        Map<String, Object> where = installationAt(lat + 0.05, lon);
        String street = (String) where.get("addressLine");
        String orderId = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", createPanel(10, "99.00"),
                "quantity", 3)), "installation", where), customer).json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, customer).json()
                .path("paymentId").asString();
        api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), customer);

        signIn(installerEmail, PASSWORD);
        open("/#/installer");
        WebElement offer = waitFor(By.cssSelector("#offers .offer"));
        assertThat(offer.getText()).contains("3 panels", "Approximate location (about 1 km)").doesNotContain(street);
        assertThat(offer.getText()).contains("Time left to accept");
        assertThat(offer.findElement(By.cssSelector(".countdown")).getText()).matches("\\d{1,2}:\\d{2}");
        offer.findElement(By.cssSelector("button.accept")).click();
        waitForText(By.id("offers-status"), "The job is yours");
        waitForText(By.id("jobs"), street);
    }

    @Test
    void bannedUsersOpenPageReturnsToLogin() {
        String email = registerCustomer();
        signIn(email, PASSWORD);
        open("/#/orders");
        waitFor(By.id("orders"));
        String userId = login(email, PASSWORD).access();
        String id = api.get("/api/v1/me", userId).json().path("id").asString();
        assertThat(api.post("/api/v1/admin/users/" + id + "/ban", Map.of("reason", "fraud"), adminToken()).status())
                .isEqualTo(200);
        waitFor(By.id("login-form"));
        waitForText(By.id("flash"), "session has ended");
        assertThat(browser.findElements(By.id("logout"))).isEmpty();
    }
}
