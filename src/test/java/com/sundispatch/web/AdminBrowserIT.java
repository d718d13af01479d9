package com.sundispatch.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration in a real browser: sign-in with the MFA step, every tab (axe-core and screenshots on each),
 * suspending and lifting a suspension, rejecting an application and retiring a panel through accessible dialogs
 * (no native prompt or confirm), people and words instead of ids and enums.
 */
class AdminBrowserIT extends BrowserTest {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}");

    private static final String[] TABS = { "users", "orders", "payouts", "applications", "installers", "catalog", "faq",
        "jobs", "disputes", "map", "audit", "alerts", "blocks" };

    private String pendingApplication(String company) {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        Api.Response applied = api.post("/api/v1/installers/applications", Map.of("companyName", company,
                "licenseNumber", "LIC-" + (100000 + Math.floorMod(email.hashCode(), 900000)), "baseAddress",
                baseAddressAt(52.5, 13.4), "serviceRadiusKm", 40, "phone", "+49 30 5550199"), access);
        assertThat(applied.status()).as(applied.toString()).isIn(200, 201);
        return applied.json().path("id").asString();
    }

    private void assertNoDeveloperText(String what, String text) {
        assertThat(UUID_TEXT.matcher(text).find()).as("%s shows an id: %s", what, text).isFalse();
        assertThat(text).as(what).doesNotContain("{\"", "must not be null", "Something went wrong");
    }

    @Test
    void everyAdminTabRendersWithWordsInsteadOfIdsOnDesktopAndPhone() throws IOException {
        registerCustomer();
        pendingApplication("Tab Tour Solar");
        signInAsAdmin();
        for (String tab : TABS) {
            // Through the tab links, as an admin moves around (no page reload between tabs).
            if (browser.findElements(By.cssSelector(".admin-tabs")).isEmpty()) {
                open("/#/admin/" + tab);
            } else {
                browser.findElement(By.cssSelector(".admin-tabs a[href='#/admin/" + tab + "']")).click();
            }
            WebElement section = waitFor(By.id("admin-" + tab));
            wait.until(d -> !section.getText().contains("Loading") && !section.getText().isBlank());
            assertThat(browser.findElement(By.cssSelector(".admin-tabs a[aria-current=page]")).getAttribute("href"))
                    .endsWith("#/admin/" + tab);
            assertNoDeveloperText(tab, section.getText());
            screenshots("admin-" + tab);
        }
        // The audit trail names the event, its outcome and the person; the details open as a list.
        browser.findElement(By.cssSelector(".admin-tabs a[href='#/admin/audit']")).click();
        waitFor(By.cssSelector("#audit-table tbody tr"));
        String audit = browser.findElement(By.id("audit-table")).getText();
        assertThat(audit).contains("Signed in").doesNotContain("LOGIN_SUCCEEDED", "SUCCESS");
        WebElement details = browser.findElement(By.cssSelector("#audit-table details.audit-detail"));
        details.findElement(By.tagName("summary")).click();
        assertThat(details.findElement(By.tagName("dl")).isDisplayed()).isTrue();
        assertNoDeveloperText("audit details", details.getText());
        screenshots("admin-audit-details");
    }

    @Test
    void aUserIsSuspendedAndLetBackInThroughDialogsAndNoStaleMessageRemains() throws IOException {
        String email = registerCustomer();
        signInAsAdmin();
        open("/#/admin/users");
        WebElement search = waitFor(By.cssSelector("#admin-users form"));
        fill(search, "q", email);
        search.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> {
            var rows = d.findElements(By.cssSelector("#admin-users tbody tr"));
            return rows.size() == 1 && rows.get(0).getText().contains(email);
        });
        assertThat(browser.findElement(By.cssSelector("#admin-users tbody tr")).getText()).contains("Customer", "Active")
                .doesNotContain("CUSTOMER");
        browser.findElement(By.cssSelector("#admin-users tbody tr button.ban")).click();
        WebElement ban = waitFor(By.id("ban-form"));
        WebElement reason = ban.findElement(By.name("reason"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(reason);
        ban.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id(reason.getAttribute("aria-describedby")), "Give a reason");
        screenshots("ban-dialog");
        reason.sendKeys("fraud");
        ban.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash"), email + " is suspended");
        waitForText(By.cssSelector("#admin-users tbody tr"), "Suspended");
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.code()).isEqualTo("account_banned");
        screenshots("user-suspended");

        waitFor(By.cssSelector("#admin-users tbody tr button.unban")).click();
        WebElement unban = waitFor(By.id("unban-form"));
        unban.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash"), email + " can sign in again");
        assertThat(browser.findElement(By.id("flash")).getText()).doesNotContain("suspended");
        waitForText(By.cssSelector("#admin-users tbody tr"), "Active");
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(200);
        screenshots("user-let-back-in");
    }

    @Test
    void anApplicationIsRejectedAndAPanelRetiredThroughDialogs() throws IOException {
        String applicationId = pendingApplication("Reject Me Solar");
        String panelId = createPanel(5, "199.00");
        signInAsAdmin();
        open("/#/admin/applications");
        By card = By.cssSelector("[data-application='" + applicationId + "']");
        waitFor(card).findElement(By.cssSelector("button.reject")).click();
        WebElement reject = waitFor(By.id("reject-form"));
        reject.findElement(By.name("reason")).sendKeys("The licence number could not be confirmed.");
        screenshots("reject-dialog");
        reject.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash"), "The application of Reject Me Solar is rejected.");
        wait.until(d -> d.findElements(card).isEmpty());
        assertThat(api.get("/api/v1/admin/installers/applications?status=REJECTED&size=100", adminToken()).body())
                .contains(applicationId);

        // The panel has a product page (datasheet), set here through the API and then edited in the admin's form.
        long version = api.get("/api/v1/catalog/panels/" + panelId).json().path("version").asLong();
        assertThat(api.send("PUT", "/api/v1/admin/catalog/panels/" + panelId, Map.ofEntries(Map.entry("name", "Datasheet Panel"),
                Map.entry("manufacturer", "Testwerk"), Map.entry("wattsPeak", 450), Map.entry("efficiencyPercent", 21.5),
                Map.entry("price", 199.00), Map.entry("stock", 5), Map.entry("warrantyYears", 25),
                Map.entry("photoUrls", List.of("/assets/panels/mono-black.svg")), Map.entry("version", version),
                Map.entry("description", "Black frame, glass-glass."), Map.entry("lengthMm", 1722)), adminToken(), Map.of())
                .status()).isEqualTo(200);
        browser.findElement(By.cssSelector(".admin-tabs a[href='#/admin/catalog']")).click();
        WebElement panel = waitFor(By.cssSelector("[data-panel='" + panelId + "']"));
        // Prices in the admin's language: "€199.00", never "199.00 EUR".
        assertThat(panel.getText()).contains("€199.00").doesNotContain("EUR");
        panel.findElement(By.tagName("summary")).click();
        WebElement edit = panel.findElement(By.tagName("form"));
        assertThat(edit.findElement(By.name("description")).getAttribute("value")).isEqualTo("Black frame, glass-glass.");
        fill(edit, "stock", "7");
        // A datasheet value out of range is named at its field, in words.
        fill(edit, "weightKg", "250");
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector("[data-panel='" + panelId + "'] .field-error[data-field='weightKg']"),
                "Enter a weight from 1.0 to 100.0 kg");
        screenshots("panel-datasheet-refused");
        fill(edit, "weightKg", "18.5");
        new Select(edit.findElement(By.name("cellType"))).selectByVisibleText("Thin-film (CIGS)");
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash"), "Testwerk Datasheet Panel is saved.");
        var saved = api.get("/api/v1/catalog/panels/" + panelId).json();
        assertThat(saved.path("stock").asInt()).isEqualTo(7);
        assertThat(saved.path("weightKg").asDouble()).isEqualTo(18.5);
        assertThat(saved.path("cellType").asString()).isEqualTo("CIGS");
        // Fields the admin did not touch keep their values (a PUT replaces the whole panel).
        assertThat(saved.path("description").asString()).isEqualTo("Black frame, glass-glass.");
        assertThat(saved.path("lengthMm").asInt()).isEqualTo(1722);
        assertThat(saved.path("widthMm").isNull()).isTrue();
        panel = waitFor(By.cssSelector("[data-panel='" + panelId + "']"));
        panel.findElement(By.tagName("summary")).click();
        panel.findElement(By.cssSelector("button.retire")).click();
        WebElement retire = waitFor(By.id("retire-form"));
        assertThat(retire.getText()).contains("cannot be ordered");
        retire.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash"), "is retired from the catalog");
        wait.until(d -> d.findElements(By.cssSelector("[data-panel='" + panelId + "']")).isEmpty());
        assertThat(api.get("/api/v1/catalog/panels?size=100").body()).doesNotContain(panelId);
    }

    /** The "Confirm it's you" dialog: a labelled password field with focus in it; the password is entered. */
    private void confirmItsYou(String password) {
        WebElement dialog = waitFor(By.cssSelector("dialog.modal #reauth-form"));
        WebElement input = dialog.findElement(By.name("password"));
        assertThat(browser.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).getText())
                .isEqualTo("Password");
        assertThat(browser.switchTo().activeElement()).isEqualTo(input);
        input.sendKeys("not-the-password");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        // A wrong password is said next to the field and tied to it for screen readers.
        waitForText(By.id(input.getAttribute("aria-describedby")), "not correct");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        input.sendKeys(password);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("dialog.modal #reauth-form")).isEmpty());
    }

    @Test
    void adminResetsAUsersMfaThroughTheConfirmationAndStepUpDialogs() {
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        String secret = api.post("/api/v1/me/mfa/totp/setup", null, t.access()).json().path("secret").asString();
        assertThat(api.post("/api/v1/me/mfa/totp/enable",
                Map.of("code", TotpCodes.code(secret, TotpCodes.step(clock.instant()) - 1)), t.access()).status())
                .isEqualTo(200);

        signInAsAdmin();
        open("/#/admin/users");
        WebElement search = waitFor(By.cssSelector("#admin-users form"));
        fill(search, "q", email);
        search.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> {
            var rows = d.findElements(By.cssSelector("#admin-users tbody tr"));
            return rows.size() == 1 && rows.get(0).getText().contains(email);
        });
        browser.findElement(By.cssSelector("#admin-users tbody tr button.reset-mfa")).click();
        WebElement confirm = waitFor(By.id("reset-mfa-form"));
        // A reason is required and said next to its field.
        confirm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement reason = confirm.findElement(By.name("reason"));
        waitForText(By.id(reason.getAttribute("aria-describedby")), "Give a reason");
        reason.sendKeys("lost phone, identity checked by call");
        confirm.findElement(By.cssSelector("button[type=submit]")).click();
        confirmItsYou(ADMIN_PASSWORD);
        waitForText(By.id("flash"), "was reset");
        assertThat(browser.findElements(By.cssSelector("dialog.modal"))).isEmpty();

        assertThat(api.get("/api/v1/me", t.access()).status()).isEqualTo(401);
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.json().has("accessToken")).isTrue();
        Mailbox.await(email, "two-factor sign-in was reset");
    }

    @Test
    void adminAcknowledgesAndResolvesAnAlertFromTheAlertsTab() {
        Tokens t = newCustomerSession();
        String userId = api.get("/api/v1/me", t.access()).json().path("id").asString();
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh()));
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh()));
        String alertId = null;
        for (var a : api.get("/api/v1/admin/alerts?type=REFRESH_TOKEN_REUSE&status=OPEN&size=100", adminToken()).json()
                .path("items")) {
            if (a.path("subject").asString().equals(userId)) {
                alertId = a.path("id").asString();
            }
        }
        assertThat(alertId).isNotNull();
        signInAsAdmin();
        open("/#/admin/alerts");
        String card = "#admin-alerts [data-alert='" + alertId + "']";
        waitFor(By.cssSelector(card + " button.acknowledge")).click();
        waitForText(By.id("flash"), "Alert acknowledged");
        wait.until(d -> "ACKNOWLEDGED".equals(d.findElement(By.cssSelector(card)).getAttribute("data-status")));
        WebElement note = waitFor(By.cssSelector(card + " input[name=note]"));
        note.sendKeys("Checked with the customer.");
        browser.findElement(By.cssSelector(card + " button.resolve")).click();
        waitForText(By.id("flash"), "Alert resolved");
        wait.until(d -> "RESOLVED".equals(d.findElement(By.cssSelector(card)).getAttribute("data-status")));
        assertThat(browser.findElement(By.cssSelector(card)).getText()).contains("Checked with the customer.");

        // The status filter: resolved alerts show under "Resolved", not under "Open".
        new Select(browser.findElement(By.cssSelector("#admin-alerts select[name=status]")))
                .selectByValue("OPEN");
        wait.until(d -> d.findElements(By.cssSelector(card)).isEmpty()
                && !d.findElement(By.id("admin-alerts")).getText().contains("Loading"));
        new Select(browser.findElement(By.cssSelector("#admin-alerts select[name=status]")))
                .selectByValue("RESOLVED");
        waitFor(By.cssSelector(card));

        String status = null;
        for (var a : api.get("/api/v1/admin/alerts?status=RESOLVED&size=100", adminToken()).json().path("items")) {
            if (a.path("id").asString().equals(alertId)) {
                status = a.path("note").asString();
            }
        }
        assertThat(status).isEqualTo("Checked with the customer.");

        // The export buttons fetch with the token and hand the file over; no error is shown.
        open("/#/admin/audit");
        waitFor(By.cssSelector("#admin-audit button[data-export=csv]")).click();
        waitFor(By.cssSelector("#admin-audit button[data-export=ndjson]")).click();
        assertThat(browser.findElement(By.id("admin-audit")).findElements(By.cssSelector("p.error")).stream()
                .map(WebElement::getText).filter(x -> !x.isBlank())).isEmpty();
    }
}
