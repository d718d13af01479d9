package com.sundispatch.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import com.sundispatch.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** While the sandbox provider is on (as in the tests), every page says that no real money moves. */
class TestModeBannerBrowserIT extends BrowserTest {

    @Test
    void everyPageShowsTheTestModeBannerAlsoOnAPhone() {
        for (String page : new String[] { "/", "/#/catalog", "/#/login" }) {
            open(page);
            WebElement banner = waitFor(By.id("test-mode"));
            assertThat(banner.getText()).contains("Test mode: no real money moves");
            assertThat(banner.getAttribute("role")).isEqualTo("status");
        }
        browser.manage().window().setSize(new Dimension(375, 740));
        open("/#/catalog");
        WebElement banner = waitFor(By.id("test-mode"));
        assertThat(banner.getRect().getWidth()).isLessThanOrEqualTo(375);
        assertThat(banner.getRect().getY()).isLessThan(740);
    }
}
