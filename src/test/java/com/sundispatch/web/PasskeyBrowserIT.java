package com.sundispatch.web;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import com.sundispatch.security.SecurityEvent;
import com.sundispatch.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in Chromium with the DevTools virtual authenticator (a platform authenticator that verifies its user):
 * one is added on the account page, then signs in alone (from the email field's autofill, and with the button);
 * and one is the second factor after the password.
 */
class PasskeyBrowserIT extends BrowserTest {

    private VirtualAuthenticator authenticator() {
        return ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
    }

    /** Adds a passkey on the account page, confirming it's you with the password when asked. */
    private void addPasskey(String name) {
        open("/#/account");
        WebElement form = waitFor(By.id("passkey-add-form"));
        waitFor(By.id("passkeys-none"));
        fill(form, "name", name);
        form.findElement(By.id("passkey-add")).click();
        WebElement reauth = waitFor(By.id("reauth-form"));
        fill(reauth, "password", PASSWORD);
        reauth.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("passkeys-status"), "Passkey \"" + name + "\" added.");
        waitForText(By.id("passkey-list"), name);
    }

    private void signOut() {
        waitFor(By.id("logout")).click();
        waitFor(By.id("login-form"));
    }

    /**
     * Chromium's virtual authenticator answers the sign-in page's autofill request (conditional mediation) at once,
     * as if the person had picked the passkey from the email field's suggestions. To use the button instead, the
     * page is told conditional mediation is not available (injected before any page script runs).
     */
    private void withoutAutofill() {
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "if (window.PublicKeyCredential) { Object.defineProperty(PublicKeyCredential, "
                        + "'isConditionalMediationAvailable', { value: () => Promise.resolve(false) }); }"));
    }

    private long passkeySignIns(String userId) {
        return events.of(SecurityEvent.class).stream().filter(e -> e.type().equals("LOGIN_SUCCEEDED")
                && userId.equals(e.userId()) && "passkey".equals(e.detail().get("method"))).count();
    }

    @Test
    void aPasskeyAddedOnTheAccountPageSignsInAloneFromTheEmailFieldsAutofill() throws IOException {
        VirtualAuthenticator device = authenticator();
        String email = registerCustomer();
        String userId = api.get("/api/v1/me", login(email, PASSWORD).access()).json().path("id").asString();
        signIn(email, PASSWORD);
        addPasskey("Test laptop");
        assertThat(device.getCredentials()).hasSize(1);
        assertThat(device.getCredentials().get(0).isResidentCredential()).isTrue();
        screenshots("account-with-passkey");

        // Signing out opens the sign-in page, whose autofill request the virtual authenticator answers: the
        // passkey alone signs the person in again.
        waitFor(By.id("logout")).click();
        eventually("a sign-in with the passkey alone", () -> passkeySignIns(userId) == 1);
        waitFor(By.id("logout"));
        open("/#/account");
        waitForText(By.id("account-email"), email);
        waitFor(By.cssSelector("#passkey-list li.passkey"));
        assertThat(browser.findElement(By.id("passkey-list")).getText()).contains("Test laptop")
                .doesNotContain("Never");
        screenshots("account-after-passkey-sign-in");
    }

    @Test
    void thePasskeyButtonSignsInAndAPasskeyIsTheSecondFactorAfterThePasswordAlsoInGerman() throws IOException {
        withoutAutofill();
        authenticator();
        String email = registerCustomer();
        signIn(email, PASSWORD);
        addPasskey("Phone");
        signOut();
        WebElement emailField = browser.findElement(By.cssSelector("#login-form input[name=email]"));
        assertThat(emailField.getAttribute("autocomplete")).isEqualTo("username webauthn");
        waitFor(By.id("passkey-signin"));
        screenshots("sign-in");
        browser.findElement(By.id("passkey-signin")).click();
        waitFor(By.id("logout"));
        signOut();

        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        waitForText(By.id("passkey-signin"), "Mit Passkey anmelden");
        WebElement form = waitFor(By.id("login-form"));
        fill(form, "email", email);
        fill(form, "password", PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement button = waitFor(By.id("mfa-passkey"));
        assertThat(button.getText()).isEqualTo("Passkey verwenden");
        screenshots("mfa-step-de");
        button.click();
        waitFor(By.id("logout"));
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        waitForText(By.id("logout"), "Sign out");
    }
}
