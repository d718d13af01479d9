package com.sundispatch.web;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.support.AdminSession;
import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;
import com.sundispatch.support.FakeExpoPush;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page in a real browser: the profile and the language, a password change (a refused password is
 * said at its field, with no success message anywhere), the devices signed in as readable names, two-factor
 * sign-in with recovery codes to copy and download, and an administrator's first enrolment opening the
 * administration at once, without a reload.
 */
class AccountBrowserIT extends BrowserTest {

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Autowired
    JdbcTemplate jdbc;

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    @Test
    void profileIsSavedAndARefusedPasswordIsSaidAtItsFieldWithoutASuccessMessage() throws IOException {
        String email = registerCustomer();
        signIn(email, PASSWORD);
        open("/#/account");
        WebElement profile = waitFor(By.id("profile-form"));
        screenshots("account");

        fill(profile, "fullName", "Grace Hopper");
        fill(profile, "phone", "");
        profile.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("profile-status"), "Your profile is saved.");
        waitForText(By.id("nav-account"), "Grace Hopper");

        // A name the server refuses: the field's own sentence, no raw pattern.
        fill(profile, "fullName", "R2-D2 <script>");
        profile.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement name = profile.findElement(By.name("fullName"));
        wait.until(d -> "true".equals(name.getAttribute("aria-invalid")));
        assertThat(text(By.id("profile-form"))).contains("Enter your name with letters").doesNotContain("\\p{L}")
                .doesNotContain("must not");
        assertThat(text(By.id("profile-status"))).isEmpty();

        WebElement password = browser.findElement(By.id("password-form"));
        fill(password, "currentPassword", PASSWORD);
        fill(password, "newPassword", "correct horse battery staple");
        password.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement newPassword = password.findElement(By.name("newPassword"));
        wait.until(d -> "true".equals(newPassword.getAttribute("aria-invalid")));
        assertThat(browser.findElement(By.id(newPassword.getAttribute("id") + "-error")).getText())
                .contains("known from data breaches");
        assertThat(browser.switchTo().activeElement()).isEqualTo(newPassword);
        assertThat(text(By.id("password-status"))).isEmpty();
        assertThat(text(By.id("flash"))).isEmpty();
        assertThat(text(By.id("app"))).doesNotContain("Saved.").doesNotContain("is saved");
        screenshots("password-refused");

        // A wrong current password is said at the current password.
        fill(password, "currentPassword", "Not-my-password-1234");
        fill(password, "newPassword", "Quiet-harbour-lantern-8812");
        password.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement current = password.findElement(By.name("currentPassword"));
        wait.until(d -> "true".equals(current.getAttribute("aria-invalid")));
        assertThat(browser.findElement(By.id(current.getAttribute("id") + "-error")).getText()).contains("not correct");

        fill(password, "currentPassword", PASSWORD);
        fill(password, "newPassword", "Quiet-harbour-lantern-8812");
        password.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("password-status"), "Your password is changed.");
        assertThat(password.findElement(By.name("newPassword")).getAttribute("value")).isEmpty();
        assertThat(password.findElement(By.name("currentPassword")).getAttribute("aria-invalid")).isNull();
        screenshots("password-changed");
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "Quiet-harbour-lantern-8812"))
                .status()).isEqualTo(200);
    }

    @Test
    void sessionsShowReadableDevicesAndAddressesAndAnotherDeviceCanBeSignedOut() throws IOException {
        String email = registerCustomer();
        Api.Response phone = api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null,
                Map.of("User-Agent", IPHONE));
        assertThat(phone.status()).isEqualTo(200);
        signIn(email, PASSWORD);
        String agent = (String) js("return navigator.userAgent");
        open("/#/account");
        waitFor(By.cssSelector("#sessions-list li.session.current"));
        String sessions = text(By.id("sessions"));
        // Headless Chromium on Linux says so in its User-Agent; the page names it like a person would.
        assertThat(agent).contains("Linux");
        assertThat(sessions).contains("Chrome on Linux", "This device", "Safari on iPhone", "This computer")
                .doesNotContain("Mozilla", "AppleWebKit", "HeadlessChrome", "0:0:0:0:0:0:0:1", "127.0.0.1");
        screenshots("sessions");

        WebElement iphone = browser.findElements(By.cssSelector("#sessions-list li.session")).stream()
                .filter(li -> li.getText().contains("Safari on iPhone")).findFirst().orElseThrow();
        WebElement end = iphone.findElement(By.cssSelector("button.end-session"));
        assertThat(end.getAttribute("aria-label")).isEqualTo("Sign out Safari on iPhone");
        end.click();
        waitForText(By.id("sessions-status"), "Safari on iPhone is signed out.");
        assertThat(text(By.id("sessions"))).doesNotContain("Safari on iPhone is signed in");
        assertThat(browser.findElements(By.cssSelector("#sessions-list li.session"))).hasSize(1);
        assertThat(api.get("/api/v1/me", phone.json().path("accessToken").asString()).status()).isEqualTo(401);

        // Two more devices: one button signs them all out and keeps this one.
        String tablet = login(email, PASSWORD).access();
        String laptop = login(email, PASSWORD).access();
        open("/#/orders");
        wait.until(d -> !d.findElement(By.tagName("h1")).getText().equals("Your account"));
        open("/#/account");
        waitFor(By.id("end-other-sessions")).click();
        waitForText(By.id("sessions-status"), "Every other device is signed out.");
        assertThat(browser.findElements(By.cssSelector("#sessions-list li.session"))).hasSize(1);
        assertThat(browser.findElements(By.id("end-other-sessions"))).isEmpty();
        assertThat(api.get("/api/v1/me", tablet).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", laptop).status()).isEqualTo(401);
    }

    @Test
    void aPhoneWithTheAppIsListedAndItsNotificationsCanBeStoppedFromTheWeb() throws IOException {
        String email = registerCustomer();
        String phone = login(email, PASSWORD).access();
        Api.Response registered = api.post("/api/v1/me/push-tokens", Map.of("token", FakeExpoPush.newToken(),
                "platform", "android"), phone);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        signIn(email, PASSWORD);
        open("/#/account");
        WebElement item = waitFor(By.cssSelector("#phones-list li.session"));
        // Signing in here already sent the phone a "new sign-in" notice, so it shows a last notification.
        assertThat(item.getText()).contains("Android phone", "Added", "Last notification");
        screenshots("phones");

        WebElement stop = item.findElement(By.cssSelector("button.remove-phone"));
        assertThat(stop.getAttribute("aria-label")).isEqualTo("Stop notifications to Android phone");
        stop.click();
        waitForText(By.id("phones-status"), "Android phone gets no more notifications.");
        assertThat(browser.findElements(By.cssSelector("#phones-list li.session"))).isEmpty();
        assertThat(api.get("/api/v1/me/push-tokens", phone).json()).isEmpty();
    }

    @Test
    void theLanguageIsAProfileSettingKeptInStepWithTheHeaderSwitch() throws IOException {
        String email = registerCustomer();
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        signIn(email, PASSWORD);
        open("/#/account");
        WebElement language = waitFor(By.id("language-form"));
        new Select(language.findElement(By.name("language"))).selectByValue("de");
        language.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Ihr Konto");
        waitForText(By.id("language-status"), "Die Sprache ist gespeichert.");
        assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("de");
        assertThat(api.get("/api/v1/me", login.json().path("accessToken").asString()).json().path("language").asString())
                .isEqualTo("de");
        screenshots("account-german");

        // The header switch changes the profile too, and the account page shows it.
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        waitForText(By.tagName("h1"), "Your account");
        wait.until(d -> "en".equals(new Select(d.findElement(By.cssSelector("#language-form select[name=language]")))
                .getFirstSelectedOption().getAttribute("value")));
        assertThat(api.get("/api/v1/me", login.json().path("accessToken").asString()).json().path("language").asString())
                .isEqualTo("en");
    }

    /** The "Confirm it's you" dialog with the password. */
    private void confirmItsYou(String password) {
        WebElement dialog = waitFor(By.cssSelector("dialog.modal #reauth-form"));
        WebElement input = dialog.findElement(By.name("password"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(input);
        input.sendKeys(password);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("dialog.modal #reauth-form")).isEmpty());
    }

    private void enrolMfa(String password) {
        waitFor(By.id("mfa-setup")).click();
        // A sign-in alone is not enough to enrol MFA: the page asks the person to confirm it's them, then goes on.
        confirmItsYou(password);
        WebElement qr = waitFor(By.cssSelector("#mfa img"));
        assertThat(qr.getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(qr.getAttribute("alt")).isEqualTo("QR code for your authenticator app");
        String secret = browser.findElement(By.id("totp-secret")).getText();
        WebElement enable = browser.findElement(By.id("mfa-enable-form"));
        fill(enable, "code", TotpCodes.code(secret, TotpCodes.step(clock.instant())));
        enable.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#recovery-codes li")).size() == 10);
    }

    @Test
    void mfaEnrolmentShowsTheRecoveryCodesOnceWithCopyAndDownload() throws IOException {
        signIn(registerCustomer(), PASSWORD);
        open("/#/account");
        enrolMfa(PASSWORD);
        assertThat(text(By.id("recovery-warning"))).contains("shown only this once");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("recovery-title");
        screenshots("recovery-codes");
        browser.findElement(By.id("copy-codes")).click();
        wait.until(d -> !d.findElement(By.id("codes-status")).getText().isBlank());
        assertThat(text(By.id("codes-status"))).containsAnyOf("The codes are copied", "The codes are selected");
        browser.findElement(By.id("download-codes")).click();
        waitForText(By.id("codes-status"), "Saved as sundispatch-recovery-codes.txt");
        browser.findElement(By.id("codes-done")).click();
        wait.until(d -> d.findElements(By.id("recovery-codes")).isEmpty());
        waitForText(By.id("mfa-state"), "On:");
        assertThat(browser.findElement(By.id("new-codes")).isDisplayed()).isTrue();
        screenshots("mfa-on");
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
        waitForText(By.id("mfa-state"), "Nothing was changed");
        wait.until(d -> d.switchTo().activeElement().equals(setup));
        assertThat(browser.findElements(By.cssSelector("#mfa img"))).isEmpty();
    }

    @Test
    void anAdministratorsFirstEnrolmentOpensTheAdministrationWithoutAReload() throws IOException {
        String email = registerVerifiedCustomer();
        String admin = adminToken();
        String id = api.get("/api/v1/admin/users?q=" + email, admin).json().path("items").get(0).path("id").asString();
        AdminSession.stepUp(api, admin);
        assertThat(api.post("/api/v1/admin/users/" + id + "/promote", Map.of(), admin).status()).isEqualTo(200);
        try {
            signIn(email, PASSWORD);
            open("/#/account");
            waitFor(By.id("admin-needs-mfa"));
            screenshots("admin-before-mfa");
            // Marks this page: a reload would lose the mark.
            js("window.sdNoReload = true");
            enrolMfa(PASSWORD);
            WebElement openAdmin = waitFor(By.id("open-admin"));
            assertThat(browser.findElements(By.id("admin-needs-mfa"))).isEmpty();
            screenshots("admin-after-mfa");
            openAdmin.click();
            wait.until(d -> !d.findElements(By.cssSelector("#admin-users tbody tr")).isEmpty());
            assertThat(text(By.id("app"))).doesNotContain("Turn on two-factor sign-in first")
                    .doesNotContain("You are not allowed");
            assertThat(js("return window.sdNoReload === true")).isEqualTo(true);
            // Another tab that only an MFA-satisfied token may read.
            browser.findElement(By.cssSelector(".admin-tabs a[href='#/admin/audit']")).click();
            waitFor(By.cssSelector("#admin-audit table, #admin-audit .empty"));
            assertThat(text(By.id("admin-audit"))).doesNotContain("Set up two-factor sign-in");
            assertThat(js("return window.sdNoReload === true")).isEqualTo(true);
        } finally {
            jdbc.update("update users set role = 'CUSTOMER' where id = ?", id);
        }
    }
}
