package com.sundispatch.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's installers tab: revoke through an accessible confirmation dialog that asks for the reason. */
class InstallerRevokeBrowserIT extends BrowserTest {

    private String approvedInstaller() {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        Api.Response applied = api.post("/api/v1/installers/applications", Map.of("companyName", "Revocable Solar",
                "licenseNumber", "LIC-424242", "baseAddress", baseAddressAt(52.5, 13.4), "serviceRadiusKm", 30,
                "phone", "+49 30 5550100"), access);
        assertThat(api.post("/api/v1/admin/installers/applications/" + applied.json().path("id").asString()
                + "/approve", Map.of(), adminToken()).status()).isEqualTo(200);
        return api.get("/api/v1/me", access).json().path("id").asString();
    }


    @Test
    void revokeAsksForAReasonInADialogAndCancelChangesNothing() {
        String installerId = approvedInstaller();
        signInAsAdmin();
        open("/#/admin/installers");
        By revokeButton = By.cssSelector("[data-installer='" + installerId + "'] button.revoke");

        waitFor(revokeButton).click();
        WebElement dialog = waitFor(By.cssSelector("dialog.modal"));
        assertThat(dialog.getAttribute("aria-labelledby")).isNotBlank();
        dialog.findElement(By.cssSelector("button.secondary")).click();
        wait.until(d -> d.findElements(By.cssSelector("dialog.modal")).isEmpty());

        waitFor(revokeButton).click();
        WebElement confirm = waitFor(By.id("revoke-form"));
        confirm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement reason = confirm.findElement(By.name("reason"));
        waitForText(By.id(reason.getAttribute("aria-describedby")), "Give a reason");
        reason.sendKeys("Licence withdrawn");
        confirm.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash"), "approval revoked");

        assertThat(api.get("/api/v1/admin/installers?status=REVOKED&size=100", adminToken()).body())
                .contains(installerId).contains("Licence withdrawn");
    }
}
