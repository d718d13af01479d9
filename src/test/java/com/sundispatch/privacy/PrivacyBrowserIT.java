package com.sundispatch.privacy;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Your data" in a real browser: asking for the export, opening the mailed link and downloading the file; deleting
 * the account (confirmation, then "Confirm it's you"), the banner on every page, in German too, and "Keep my
 * account".
 */
class PrivacyBrowserIT extends BrowserTest {

    @Test
    void requestTheExportOpenTheMailedLinkAndDownloadTheFile() throws IOException {
        String email = registerCustomer();
        signIn(email, PASSWORD);
        open("/#/account");
        waitFor(By.id("export-request")).click();
        waitForText(By.id("export-status"), "mail you a link");
        screenshots("export-requested");

        DataExportIT.Link link = DataExportIT.exportLink(email);
        open("/data-export#token=" + link.token() + "&id=" + link.id());
        waitFor(By.id("export-download")).click();
        waitForText(By.id("download-status"), "The download has started");
        assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain(link.token());
        screenshots("export-downloaded");
    }

    @Test
    void deleteTheAccountSeeTheBannerInGermanTooThenKeepTheAccount() throws IOException {
        String email = registerCustomer();
        signIn(email, PASSWORD);
        open("/#/account");
        waitFor(By.id("delete-account")).click();
        WebElement confirm = waitFor(By.cssSelector("dialog.modal #delete-confirm"));
        confirm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement stepUp = waitFor(By.cssSelector("dialog.modal #reauth-form"));
        stepUp.findElement(By.name("password")).sendKeys(PASSWORD);
        stepUp.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("deletion-banner"), "Your account will be deleted on");
        waitFor(By.id("delete-keep"));
        screenshots("deletion-scheduled");

        // The banner follows the person to every page.
        open("/#/catalog");
        waitForText(By.id("deletion-banner"), "Your account will be deleted on");

        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        waitForText(By.id("deletion-banner"), "Ihr Konto wird am");
        screenshots("deletion-scheduled-de");
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        waitForText(By.id("deletion-banner"), "Your account will be deleted on");

        waitFor(By.id("deletion-banner-keep")).click();
        wait.until(d -> d.findElements(By.id("deletion-banner")).isEmpty());
        waitForText(By.id("flash"), "Your account stays");
        assertThat(api.get("/api/v1/me/deletion", login(email, PASSWORD).access()).json().path("scheduled")
                .asBoolean()).isFalse();
    }
}
