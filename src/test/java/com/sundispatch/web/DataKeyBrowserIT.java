package com.sundispatch.web;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.sundispatch.security.DataCipher;
import com.sundispatch.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration's "Data encryption" tab in a real browser: the current key's fingerprint, the values under an
 * older key, and "Re-encrypt now" through the accessible confirmation and the "Confirm it's you" dialog.
 */
class DataKeyBrowserIT extends BrowserTest {

    @Autowired
    DataCipher cipher;

    @Test
    void anAdminSeesTheKeyAndReEncryptsThroughTheConfirmationAndStepUpDialogs() throws IOException {
        signInAsAdmin();
        open("/#/admin/keys");
        WebElement section = waitFor(By.id("admin-keys"));
        wait.until(d -> !d.findElements(By.id("data-key-facts")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#data-key-facts .key-id")).getText()).isEqualTo(cipher.keyId());
        assertThat(browser.findElement(By.id("admin-tab-title")).getText()).isEqualTo("Data encryption");
        assertThat(section.getText()).contains("Current key", "Values under an older key")
                .doesNotContain("undefined", "null");
        assertThat(browser.findElements(By.cssSelector("#data-key-columns tbody tr"))).hasSizeGreaterThanOrEqualTo(8);
        screenshots("admin-data-key");

        browser.findElement(By.id("reencrypt")).click();
        WebElement confirm = waitFor(By.id("reencrypt-form"));
        assertThat(confirm.getText()).contains("read and written again under the current key");
        screenshots("admin-data-key-confirm");
        confirm.findElement(By.cssSelector("button[type=submit]")).click();
        // A sign-in a moment ago may count as the step-up; otherwise the "Confirm it's you" dialog asks first.
        wait.until(d -> !d.findElements(By.cssSelector("dialog.modal #reauth-form")).isEmpty()
                || d.findElement(By.id("flash")).getText().contains("Re-encrypted"));
        if (!browser.findElements(By.cssSelector("dialog.modal #reauth-form")).isEmpty()) {
            WebElement dialog = browser.findElement(By.cssSelector("dialog.modal #reauth-form"));
            dialog.findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
            dialog.findElement(By.cssSelector("button[type=submit]")).click();
        }
        waitForText(By.id("flash"), "left under an older key");
        waitForText(By.id("data-key-pending"), "None: everything is encrypted with the current key.");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reencrypt");
        screenshots("admin-data-key-done");
    }
}
