package com.sundispatch.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.sundispatch.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogBrowserIT extends BrowserTest {

    @Test
    void landingPageShowsPanelsCountsAndFaq() {
        open("/");
        waitFor(By.cssSelector("#home-panels .panel-card"));
        waitFor(By.cssSelector("#faq .faq-entry"));
        assertThat(browser.findElement(By.id("counts")).getText()).contains("panels on sale");
        assertThat(browser.findElements(By.cssSelector("#home-panels .panel-card img"))).isNotEmpty();
    }

    @Test
    void browseAndSearchTheCatalog() {
        open("/#/catalog");
        wait.until(d -> d.findElements(By.cssSelector("#results .panel-card")).size() >= 12);
        WebElement form = browser.findElement(By.id("catalog-search"));
        fill(form, "q", "longi");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> {
            List<WebElement> cards = d.findElements(By.cssSelector("#results .panel-card"));
            return !cards.isEmpty() && cards.stream().allMatch(c -> c.getText().toLowerCase().contains("longi"));
        });
        browser.findElement(By.cssSelector("#results .panel-card h3 a")).click();
        waitFor(By.id("buy"));
        assertThat(browser.findElement(By.id("buy")).getText()).contains("Sign in");
    }

    @Test
    void storedXssInTheFaqRendersAsText() {
        String admin = adminToken();
        List<Map<String, String>> before = new java.util.ArrayList<>();
        api.get("/api/v1/public/faq").json().forEach(e -> before.add(Map.of("question", e.path("question").asString(),
                "answer", e.path("answer").asString())));
        String question = "<img src=x onerror=\"document.title='pwned'\">Is this safe?";
        String answer = "<script>document.title='pwned'</script>Yes.";
        try {
            assertThat(api.send("PUT", "/api/v1/admin/faq", List.of(Map.of("question", question, "answer", answer)),
                    admin, Map.of()).status()).isEqualTo(200);
            open("/");
            WebElement entry = waitFor(By.cssSelector("#faq .faq-entry summary"));
            assertThat(entry.getText()).isEqualTo(question);
            assertThat(browser.findElements(By.cssSelector("#faq img"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector("#faq script"))).isEmpty();
            assertThat(browser.getTitle()).doesNotContain("pwned");
        } finally {
            api.send("PUT", "/api/v1/admin/faq", before, admin, Map.of());
        }
    }
}
