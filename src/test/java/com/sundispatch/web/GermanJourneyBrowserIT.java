package com.sundispatch.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The homeowner's whole way in German: quote, panels, address, date, review, payment (sandbox). */
class GermanJourneyBrowserIT extends BrowserTest {

    @Test
    void homeownerQuotesChoosesOrdersAndPaysInGerman() throws IOException {
        String email = registerVerifiedCustomer();
        String panel = createPanel(80, "1234.50");

        open("/");
        waitFor(By.cssSelector("#home-panels .panel-card"));
        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        waitForText(By.tagName("h1"), "Solarmodule, montiert von geprüften Installateuren");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        waitForText(By.id("counts"), "Module im Angebot");
        assertThat(browser.findElement(By.id("guarantees")).getText()).contains("Ihr Geld wird einbehalten");
        screenshots("landing");

        signIn(email, PASSWORD);
        open("/#/quote?panel=" + panel);
        WebElement quote = waitFor(By.id("quote-form"));
        waitForText(By.tagName("h1"), "Wie viele Module brauche ich?");
        fill(quote, "monthlyKwh", "250");
        quote.findElement(By.name("postalCode")).sendKeys("10117");
        quote.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement summary = waitFor(By.id("quote-summary"));
        int count = Integer.parseInt(summary.getText().replaceAll("^(\\d+) Module?.*$", "$1"));
        assertThat(summary.getText()).contains("vom Typ");
        assertThat(text(browser.findElement(By.id("quote-panels")))).isEqualTo(euro(new BigDecimal("1234.50")
                .multiply(BigDecimal.valueOf(count))));
        assertThat(browser.findElement(By.cssSelector("#quote-assumptions summary")).getText())
                .isEqualTo("So haben wir gerechnet");
        screenshots("quote");

        browser.findElement(By.id("quote-continue")).click();
        WebElement order = waitFor(By.id("order-form"));
        waitForText(By.tagName("h1"), "Module mit Montage bestellen");
        assertThat(order.findElement(By.name("quantity")).getAttribute("value")).isEqualTo(String.valueOf(count));
        assertThat(browser.findElement(By.cssSelector("#order-steps li.done")).getText()).startsWith("Größe");
        fill(order, "addressLine", "Unter den Linden 1");
        fill(order, "city", "Berlin");
        fill(order, "postalCode", "10117");
        waitForText(By.id("review-where"), "Unter den Linden 1, 10117 Berlin");
        assertThat(text(browser.findElement(By.id("review-summary")))).contains("zu je 1.234,50 €", "Montage",
                "Gesamt inkl. MwSt.");
        assertThat(text(browser.findElement(By.id("review-panels"))))
                .isEqualTo(euro(new BigDecimal("1234.50").multiply(BigDecimal.valueOf(count))));
        String total = text(browser.findElement(By.id("review-total")));
        assertThat(total).matches("\\d{1,3}(\\.\\d{3})*,\\d{2} €");
        WebElement submit = order.findElement(By.cssSelector("button[type=submit]"));
        assertThat(submit.getText()).isEqualTo("Bestellen und bezahlen");
        screenshots("review");

        submit.click();
        WebElement pay = waitFor(By.id("confirm-payment"));
        assertThat(text(browser.findElement(By.id("checkout-amount")))).isEqualTo(total);
        assertThat(text(browser.findElement(By.id("checkout-notice")))).contains("Testmodus");
        // The sandbox page is the orders screens' (its phone width with large German amounts is theirs to fix).
        checkPage("checkout");
        pay.click();
        waitForText(By.id("order-status"), "Bezahlt");
        assertThat(text(browser.findElement(By.id("order-total")))).isEqualTo(total);
        // The order page is the orders screens' (a large German amount can make it a pixel wider than a phone).
        checkPage("paid");
    }

    /** "1.234,50 €" as de-DE writes an amount. */
    private static String euro(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return f.format(amount) + " €";
    }

    /** An element's text with no-break spaces as plain spaces, as people read it. */
    private static String text(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
