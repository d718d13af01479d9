package com.sundispatch.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin console in a real browser: sign-in with the MFA step, every tab, a ban from the users tab. */
class AdminBrowserIT extends BrowserTest {


    @Test
    void everyAdminTabRendersAndAUserCanBeBannedFromTheUsersTab() {
        String email = registerCustomer();
        signInAsAdmin();
        for (String tab : new String[] { "applications", "catalog", "faq", "jobs", "audit", "alerts", "blocks" }) {
            open("/#/admin/" + tab);
            WebElement section = waitFor(By.id("admin-" + tab));
            wait.until(d -> !section.getText().contains("Loading"));
            assertThat(section.getText()).doesNotContain("Something went wrong");
        }
        open("/#/admin/users");
        WebElement search = waitFor(By.cssSelector("#admin-users form"));
        fill(search, "q", email);
        search.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> {
            var rows = d.findElements(By.cssSelector("#admin-users tbody tr"));
            return rows.size() == 1 && rows.get(0).getText().contains(email);
        });
        browser.findElement(By.cssSelector("#admin-users tbody tr button.ban")).click();
        wait.until(d -> {
            try {
                d.switchTo().alert().sendKeys("fraud");
                d.switchTo().alert().accept();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return false;
            }
        });
        waitForText(By.id("flash"), "is banned");
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.code()).isEqualTo("account_banned");
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
    void accountPageSetsUpMfaWithAQrCodeAndShowsRecoveryCodesOnce() {
        signIn(registerCustomer(), PASSWORD);
        open("/#/account");
        waitFor(By.id("mfa-setup")).click();
        // A sign-in alone is not enough to enrol MFA: the page asks the person to confirm it's them, then goes on.
        confirmItsYou(PASSWORD);
        WebElement qr = waitFor(By.cssSelector("#mfa img"));
        assertThat(qr.getAttribute("src")).startsWith("data:image/png;base64,");
        String secret = browser.findElement(By.id("totp-secret")).getText();
        WebElement enable = browser.findElement(By.cssSelector("#mfa form"));
        fill(enable, "code", TotpCodes.code(secret,
                TotpCodes.step(clock.instant())));
        enable.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#recovery-codes li")).size() == 10);
    }

    @Test
    void cancellingTheConfirmationChangesNothingAndReturnsFocus() {
        signIn(registerCustomer(), PASSWORD);
        open("/#/account");
        WebElement setup = waitFor(By.id("mfa-setup"));
        setup.click();
        waitFor(By.cssSelector("dialog.modal #reauth-form"));
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> d.findElements(By.cssSelector("dialog.modal")).isEmpty());
        waitForText(By.id("flash"), "Nothing was changed");
        assertThat(browser.switchTo().activeElement()).isEqualTo(setup);
        assertThat(browser.findElements(By.cssSelector("#mfa img"))).isEmpty();
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
