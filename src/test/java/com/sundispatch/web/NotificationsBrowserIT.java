package com.sundispatch.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell, the inbox, the toasts and the notification settings in a real browser: what arrives while a page is
 * open shows without reloading it, and a new role works without "Refresh my access".
 */
class NotificationsBrowserIT extends BrowserTest {

    private static final Logger log = LoggerFactory.getLogger(NotificationsBrowserIT.class);

    private final double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
    private final double lon = ThreadLocalRandom.current().nextDouble(-170, 170);

    @Test
    void installerWithTheInstallerPageOpenSeesANewOfferAsToastAndBadgeWithoutReloading() throws IOException {
        String email = registerVerifiedCustomer();
        approve(apply(login(email, PASSWORD).access()));
        String access = login(email, PASSWORD).access();
        Instant start = clock.instant().plus(Duration.ofDays(7));
        Api.Response slots = api.send("PUT", "/api/v1/installer/availability", Map.of("slots", List.of(Map.of(
                "start", start.minus(Duration.ofHours(1)).toString(), "end", start.plus(Duration.ofHours(10)).toString()))),
                access, Map.of());
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);

        signIn(email, PASSWORD);
        open("/#/installer");
        waitFor(By.id("offers"));
        awaitInboxPrimed();
        markPage();

        payOrderNearby(start);
        long paidAt = System.nanoTime();
        By toast = By.cssSelector("#toasts .toast[data-kind=OFFER_CREATED]");
        new WebDriverWait(browser, Duration.ofSeconds(5), Duration.ofMillis(50))
                .until(ExpectedConditions.visibilityOfElementLocated(toast));
        long tookMs = Duration.ofNanos(System.nanoTime() - paidAt).toMillis();
        log.info("The new offer's toast showed {} ms after the payment was confirmed", tookMs);

        WebElement shown = browser.findElement(toast);
        assertThat(shown.findElement(By.cssSelector(".toast-title")).getText()).isNotBlank();
        assertThat(shown.findElement(By.cssSelector(".toast-title")).getTagName()).isEqualTo("a");
        assertThat(browser.findElement(By.id("toasts")).getAttribute("aria-live")).isEqualTo("polite");
        int unread = awaitBadgeInSync(access);
        assertThat(unread).isPositive();
        assertThat(browser.findElement(By.id("bell")).getAttribute("aria-label"))
                .isEqualTo("Notifications, " + unread + " unread");
        // The offers list follows the notification at once, not after its own slower refresh.
        new WebDriverWait(browser, Duration.ofSeconds(4)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#offers .offer")));
        assertThat(pageWasNotReloaded()).isTrue();
        screenshots("offer-toast");

        String href = shown.findElement(By.cssSelector(".toast-title")).getAttribute("href");
        assertThat(href).matches(".*/#/installer/offers/[\\w-]+$");
        shown.findElement(By.cssSelector(".toast-close")).click();
        wait.until(d -> d.findElements(toast).isEmpty());

        // The notification's link opens that offer: its card marked and its accept button in focus, one tap away.
        open(href.substring(href.indexOf("/#/")));
        WebElement linked = waitFor(By.cssSelector("#offers .offer.linked"));
        assertThat(href).endsWith("/offers/" + linked.getAttribute("data-offer"));
        wait.until(d -> linked.findElement(By.cssSelector("button.accept")).equals(d.switchTo().activeElement()));
        screenshots("offer-linked");
        // An offer that is gone (taken, declined, expired) says so instead of leaving the installer searching.
        open("/#/installer/offers/no-such-offer");
        assertThat(waitFor(By.id("offer-gone")).getText()).contains("no longer open");
        screenshots("offer-gone");
        assertThat(browser.findElements(By.cssSelector("#offers .offer.linked"))).isEmpty();
    }

    @Test
    void approvedApplicantGetsTheInstallerNavigationWithoutReloadingOrRefreshingAccess() {
        String email = registerVerifiedCustomer();
        String applicationId = apply(login(email, PASSWORD).access());
        signIn(email, PASSWORD);
        open("/#/installer");
        waitForText(By.tagName("h1"), "Become an installer");
        assertThat(waitFor(By.id("nav-installer")).getAttribute("data-role")).isEqualTo("CUSTOMER");
        awaitInboxPrimed();
        markPage();

        approve(applicationId);
        long approvedAt = System.nanoTime();
        wait.until(d -> "INSTALLER".equals(d.findElement(By.id("nav-installer")).getAttribute("data-role")));
        log.info("The installer navigation appeared {} ms after the approval",
                Duration.ofNanos(System.nanoTime() - approvedAt).toMillis());
        waitForText(By.tagName("h1"), "Installer");
        waitFor(By.id("offers"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Installer");
        assertThat(browser.findElement(By.id("nav-installer")).getText()).isEqualTo("Installer");
        assertThat(browser.findElements(By.cssSelector("#toasts .toast[data-kind=APPLICATION_APPROVED]"))).hasSize(1);
        assertThat(pageWasNotReloaded()).isTrue();
        assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("Your access was updated.");
    }

    @Test
    void notificationsListMarksOneReadOpensOneAndMarksAllRead() throws IOException {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        String panel = createPanel(30, "120.00");
        for (int i = 0; i < 3; i++) {
            Api.Response placed = placeOrder(access, panel, 2);
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        }
        awaitKind(access, "ORDER_PLACED", 3);

        signIn(email, PASSWORD);
        waitFor(By.id("bell")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/notifications"));
        waitFor(By.cssSelector("#notification-list .notification"));
        awaitBadgeInSync(access);
        assertThat(browser.findElement(By.id("bell")).getAttribute("aria-current")).isEqualTo("page");
        List<WebElement> orders = orderItems();
        assertThat(orders).hasSize(3);
        assertThat(orders).allSatisfy(item -> {
            assertThat(item.getAttribute("class")).contains("unread");
            assertThat(item.findElement(By.cssSelector(".notification-state")).getAttribute("textContent"))
                    .isEqualTo("Unread: ");
            assertThat(item.findElement(By.tagName("time")).getAttribute("datetime")).isNotBlank();
        });
        screenshots("list");

        WebElement first = orders.get(0);
        String firstId = first.getAttribute("data-id");
        first.findElement(By.cssSelector("button.mark-read")).click();
        By firstItem = By.cssSelector("#notification-list [data-id='" + firstId + "']");
        wait.until(d -> !d.findElement(firstItem).getAttribute("class").contains("unread"));
        assertThat(browser.findElement(firstItem).findElements(By.cssSelector("button.mark-read"))).isEmpty();
        assertThat(readAtOf(access, firstId)).isNotBlank();
        awaitBadgeInSync(access);

        WebElement second = orderItems().get(1);
        String secondId = second.getAttribute("data-id");
        String link = notification(access, secondId).path("link").asString();
        second.findElement(By.cssSelector("a.notification-open")).click();
        wait.until(d -> d.getCurrentUrl().endsWith(link));
        assertThat(readAtOf(access, secondId)).isNotBlank();

        open("/#/notifications");
        waitFor(By.id("mark-all-read")).click();
        waitForText(By.id("flash"), "All notifications are marked as read");
        wait.until(d -> d.findElements(By.cssSelector("#notification-list .notification.unread")).isEmpty());
        wait.until(d -> !d.findElement(By.cssSelector("#bell .bell-count")).isDisplayed());
        assertThat(browser.findElement(By.id("bell")).getAttribute("aria-label")).isEqualTo("Notifications");
        assertThat(unreadOf(access)).isZero();
    }

    @Test
    void reviewMailsTurnedOffStayOffAfterReloadAndLockedOnesCannotBeTurnedOff() throws IOException {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        signIn(email, PASSWORD);
        open("/#/account");
        waitFor(By.id("account-notification-settings")).click();
        waitFor(By.id("preferences"));
        screenshots("settings");

        WebElement reviewMails = browser.findElement(By.id("pref-REVIEWS-EMAIL"));
        assertThat(reviewMails.isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("label[for=pref-REVIEWS-EMAIL]")).getAttribute("textContent"))
                .isEqualTo("Reviews: Email");
        reviewMails.click();
        browser.findElement(By.id("save-preferences")).click();
        waitForText(By.id("flash"), "Your notification settings are saved");

        browser.navigate().refresh();
        wait.until(d -> d.findElements(By.id("pref-REVIEWS-EMAIL")).size() == 1);
        assertThat(browser.findElement(By.id("pref-REVIEWS-EMAIL")).isSelected()).isFalse();
        assertThat(preference(access, "REVIEWS", "EMAIL").path("enabled").asBoolean()).isFalse();

        for (String locked : List.of("pref-SECURITY-EMAIL", "pref-SECURITY-IN_APP", "pref-ORDERS-EMAIL")) {
            WebElement box = browser.findElement(By.id(locked));
            assertThat(box.isSelected()).as(locked).isTrue();
            assertThat(box.isEnabled()).as(locked).isFalse();
            assertThat(browser.findElement(By.id(box.getAttribute("aria-describedby"))).getText())
                    .isEqualTo("Security notices and mails about money are always sent.");
        }
        // Even a hand-made request cannot turn a locked one off; the page says why in plain words.
        Api.Response refused = api.send("PUT", "/api/v1/me/notification-preferences", Map.of("preferences",
                List.of(Map.of("category", "SECURITY", "channel", "EMAIL", "enabled", false))), access, Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("code").asString()).isEqualTo("preference_locked");
        assertThat(preference(access, "SECURITY", "EMAIL").path("enabled").asBoolean()).isTrue();
        assertThat(browser.findElement(By.id("push-title")).getText()).isEqualTo("Push notifications on this device");
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private String apply(String access) {
        Api.Response applied = api.post("/api/v1/installers/applications", Map.of("companyName", "Bell Solar",
                "licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999), "baseAddress",
                baseAddressAt(lat, lon), "serviceRadiusKm", 50, "phone", "+49 30 5550123"), access);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        return applied.json().path("id").asString();
    }

    private void approve(String applicationId) {
        Api.Response approved = api.post("/api/v1/admin/installers/applications/" + applicationId + "/approve",
                Map.of(), adminToken());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    }

    private void payOrderNearby(Instant start) {
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        Map<String, Object> where = new HashMap<>(installationAt(lat + 0.05, lon));
        where.put("preferredStart", start.toString());
        where.put("preferredEnd", start.plus(Duration.ofHours(8)).toString());
        Api.Response order = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId",
                createPanel(10, "99.00"), "quantity", 3)), "installation", where), customer);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String paymentId = api.post("/api/v1/orders/" + order.json().path("id").asString() + "/payments", null,
                customer).json().path("paymentId").asString();
        Api.Response paid = api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), customer);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    }

    /** Waits until the bell shows the server's unread count (0: no badge); returns that count. */
    private int awaitBadgeInSync(String access) {
        int[] unread = new int[1];
        wait.until(d -> {
            unread[0] = unreadOf(access);
            WebElement badge = d.findElement(By.cssSelector("#bell .bell-count"));
            return unread[0] == 0 ? !badge.isDisplayed() : badge.getText().equals(String.valueOf(unread[0]));
        });
        return unread[0];
    }

    /** The page's first inbox answer is in: what arrives from now on is news (a toast), not the backlog. */
    private void awaitInboxPrimed() {
        wait.until(d -> d.findElement(By.id("bell")).getAttribute("data-primed") != null);
    }

    /** A mark in the page's JavaScript state that a reload would wipe. */
    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.sdNotReloaded = true;");
    }

    private boolean pageWasNotReloaded() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.sdNotReloaded === true;"));
    }

    private List<WebElement> orderItems() {
        return browser.findElements(By.cssSelector("#notification-list .notification[data-kind=ORDER_PLACED]"));
    }

    private JsonNode inbox(String access) {
        Api.Response r = api.get("/api/v1/me/notifications?size=50", access);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private int unreadOf(String access) {
        return inbox(access).path("unreadCount").asInt();
    }

    private JsonNode notification(String access, String id) {
        for (JsonNode item : inbox(access).path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No notification " + id);
    }

    private String readAtOf(String access, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String readAt = "";
        while (System.nanoTime() < deadline && readAt.isBlank()) {
            JsonNode value = notification(access, id).path("readAt");
            readAt = value.isNull() || value.isMissingNode() ? "" : value.asString();
            if (readAt.isBlank()) {
                pause();
            }
        }
        return readAt;
    }

    /** Waits (up to 10 s) until the inbox holds this many notifications of a kind: they are written after commit. */
    private void awaitKind(String access, String kind, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            seen = 0;
            for (JsonNode item : inbox(access).path("items")) {
                if (item.path("kind").asString().equals(kind)) {
                    seen++;
                }
            }
            if (seen >= count) {
                return;
            }
            pause();
        }
        throw new AssertionError("Expected " + count + " " + kind + " notifications, saw " + seen);
    }

    private JsonNode preference(String access, String category, String channel) {
        Api.Response r = api.get("/api/v1/me/notification-preferences", access);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode p : r.json().path("preferences")) {
            if (p.path("category").asString().equals(category) && p.path("channel").asString().equals(channel)) {
                return p;
            }
        }
        throw new AssertionError("No preference " + category + " x " + channel + " in " + r.body());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
