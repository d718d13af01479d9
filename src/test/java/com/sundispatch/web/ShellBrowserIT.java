package com.sundispatch.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application shell every page shares: the language switch (remembered, in the profile when signed in), the
 * skip link, the phone menu, titles that follow the route, the offline banner and the dark theme.
 */
class ShellBrowserIT extends BrowserTest {

    @Test
    void theLanguageSwitchTranslatesTheShellAndIsRememberedAfterAReload() {
        open("/#/catalog");
        waitFor(By.id("nav-login"));
        assertThat(browser.findElement(By.id("nav-login")).getText()).isEqualTo("Sign in");
        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        waitForText(By.id("nav-login"), "Anmelden");
        assertThat(js("return document.documentElement.lang")).isEqualTo("de");
        assertThat(browser.findElement(By.id("skip-link")).getAttribute("textContent")).isEqualTo("Zum Inhalt springen");
        browser.navigate().refresh();
        waitForText(By.id("nav-login"), "Anmelden");
        assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("de");
    }

    @Test
    void aSignedInUsersLanguageChoiceIsStoredInTheProfileSoMailsFollowIt() {
        String email = registerVerifiedCustomer();
        signIn(email, PASSWORD);
        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        waitForText(By.id("logout"), "Abmelden");
        String access = login(email, PASSWORD).access();
        eventually("the profile language is German", () -> "de".equals(api.get("/api/v1/me", access).json()
                .path("language").asString()));
    }

    @Test
    void theSkipLinkMovesFocusToTheContentWithoutChangingTheRoute() {
        open("/#/catalog");
        waitFor(By.cssSelector("main h1"));
        // A fresh page leaves focus at the start of the document: the first Tab reaches the skip link.
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getAttribute("id")).isEqualTo("skip-link");
        assertThat(skip.isDisplayed()).isTrue();
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("app");
        assertThat(browser.getCurrentUrl()).endsWith("#/catalog");
    }

    @Test
    void theTitleFollowsTheRoute() {
        open("/#/catalog");
        wait.until(d -> d.getTitle().endsWith("· SunDispatch") && !d.getTitle().startsWith("SunDispatch"));
        String catalog = browser.getTitle();
        open("/#/login");
        wait.until(d -> !d.getTitle().equals(catalog) && d.getTitle().endsWith("· SunDispatch"));
        assertThat(browser.getTitle()).isNotEqualTo(catalog);
    }

    @Test
    void onAPhoneTheNavigationIsBehindAMenuButton() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/#/catalog");
        WebElement toggle = waitFor(By.id("menu-toggle"));
        WebElement login = browser.findElement(By.id("nav-login"));
        assertThat(login.isDisplayed()).isFalse();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        toggle.click();
        wait.until(ExpectedConditions.visibilityOf(login));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        screenshots("phone-menu-open"); // leaves the window at desktop size
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(ExpectedConditions.visibilityOf(login));
        login.click();
        waitFor(By.id("login-form"));
        assertThat(browser.findElement(By.id("nav-login")).isDisplayed()).isFalse();
        // The header stays one line: brand, menu button (no "My / orders" wrapping).
        Number header = (Number) js("return document.querySelector('header.top').getBoundingClientRect().height");
        assertThat(header.intValue()).isLessThan(80);
    }

    @Test
    void goingOfflineShowsABannerAndComingBackHidesIt() {
        open("/#/catalog");
        waitFor(By.cssSelector("main h1"));
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        waitFor(By.id("offline"));
        assertThat(browser.findElement(By.id("offline")).getText()).contains("offline");
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline")));
    }

    @Test
    void theDarkThemeKeepsTheContrastOfEveryPage() throws IOException {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        for (String page : new String[] { "/#/", "/#/catalog", "/#/login", "/#/register", "/#/quote" }) {
            open(page);
            waitFor(By.cssSelector("main h1"));
            assertThat(js("return matchMedia('(prefers-color-scheme: dark)').matches")).isEqualTo(true);
            screenshots("dark" + page.replace("/#/", "-").replaceAll("-$", "-home"));
        }
    }
}
