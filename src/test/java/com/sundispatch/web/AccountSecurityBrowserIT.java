package com.sundispatch.web;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.BrowserTest;
import com.sundispatch.support.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account self-service in a real browser: changing the email address (step-up, "check your new inbox", the link
 * from the mail opened in the browser, the account showing the new address), the sign-in activity page (readable
 * device, network prefix only, in English and German) and "this wasn't me: secure my account".
 */
class AccountSecurityBrowserIT extends BrowserTest {

    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://[^\\s\"<>]+/confirm-email-change#token=[A-Za-z0-9_\\-]+)");

    private void confirmItsYou(String password) {
        WebElement dialog = waitFor(By.cssSelector("dialog.modal #reauth-form"));
        dialog.findElement(By.name("password")).sendKeys(password);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("dialog.modal #reauth-form")).isEmpty());
    }

    @Test
    void changeEmailThenOpenTheMailedLinkAndTheAccountShowsTheNewAddress() throws IOException {
        String email = registerVerifiedCustomer();
        signIn(email, PASSWORD);
        open("/#/account");
        WebElement form = waitFor(By.id("email-change-form"));
        waitForText(By.id("current-email"), email);
        screenshots("account-email");

        String newEmail = uniqueEmail();
        fill(form, "newEmail", newEmail);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        confirmItsYou(PASSWORD);
        waitForText(By.id("email-status"), "Check your new inbox");
        waitForText(By.id("pending-email"), newEmail);
        assertThat(browser.findElement(By.id("current-email")).getText()).contains(email);
        screenshots("email-pending");

        Matcher link = CONFIRM_LINK.matcher(Mailbox.body(Mailbox.await(newEmail, "Confirm your new email address")));
        assertThat(link.find()).isTrue();
        browser.get(link.group(1));
        waitForText(By.id("email-change-result"), "Done");
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
        screenshots("email-confirmed");

        open("/#/account");
        waitForText(By.id("current-email"), newEmail);
        assertThat(browser.findElements(By.id("pending-email"))).isEmpty();
    }

    @Test
    void activityPageShowsMySignInsReadablyThenSecureMyAccountEndsTheSession() throws IOException {
        String email = registerVerifiedCustomer();
        api.post("/api/v1/auth/login", Map.of("email", email, "password", "Wrong-password-123456"));
        signIn(email, PASSWORD);
        open("/#/account");
        waitFor(By.id("account-activity-link")).click();
        WebElement table = waitFor(By.id("activity-table"));
        wait.until(d -> d.findElement(By.id("activity-table")).getText().contains("Sign-in failed"));
        String text = table.getText();
        assertThat(text).contains("Signed in").contains("Chrome on Linux").contains("127.0.0.0/24")
                .doesNotContain("127.0.0.1").doesNotContain("LOGIN_");
        screenshots("activity");

        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        waitForText(By.tagName("h1"), "Anmeldeaktivität");
        waitForText(By.id("activity-table"), "Anmeldung fehlgeschlagen");
        assertThat(browser.findElement(By.id("activity-table")).getText()).contains("Chrome unter Linux");
        screenshots("activity-de");
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        waitForText(By.tagName("h1"), "Sign-in activity");

        waitFor(By.id("secure-account")).click();
        WebElement dialog = waitFor(By.cssSelector("dialog.modal #secure-account-form"));
        screenshots("secure-dialog");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("secured-result"), "Your password no longer works");
        assertThat(browser.findElements(By.id("logout"))).isEmpty();
        screenshots("secured");

        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(401);
        // The language switch above may have left the account German: its mail comes in the account's language.
        eventually("the reset mail arrives", () -> Mailbox.count(email, "account was secured")
                + Mailbox.count(email, "Konto wurde gesichert") > 0);
    }
}
