package com.sundispatch.web;

import java.util.List;
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
    void homeownerRegistersVerifiesOrdersPaysAndSeesTheStatusChange() {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        open("/#/register");
        WebElement form = waitFor(By.id("register-form"));
        fill(form, "fullName", "Grace Hopper");
        fill(form, "email", email);
        fill(form, "password", "short");
        assertThat(browser.findElement(By.id("password-hint")).getText()).contains("at least 12 characters");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector("#register-form .field-error[data-field=password]"), "at least 12 characters");
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
        String panel = createPanel(30, "150.00");
        open("/#/panel/" + panel);
        WebElement order = waitFor(By.cssSelector("#buy form"));
        fill(order, "quantity", "4");
        assertThat(order.findElements(By.cssSelector("input[name=latitude], input[name=longitude]"))).isEmpty();
        fill(order, "addressLine", "Unter den Linden 1");
        fill(order, "city", "Berlin");
        fill(order, "postalCode", "10117");
        order.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("order-status"), "Awaiting payment");
        assertThat(browser.findElement(By.id("order-total")).getText()).isEqualTo("€1,270.00");

        browser.findElement(By.id("pay")).click();
        waitFor(By.id("confirm-payment")).click();
        waitForText(By.id("order-status"), "Paid");
        assertThat(browser.getCurrentUrl()).contains("#/orders/");
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
        assertThat(offer.findElement(By.cssSelector(".countdown")).getText()).contains("left");
        offer.findElement(By.cssSelector("button.accept")).click();
        waitForText(By.id("flash"), "The job is yours");
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
