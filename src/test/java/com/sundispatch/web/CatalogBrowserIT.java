package com.sundispatch.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The landing page, the catalog (every panel reachable, every sort ordering, its state in the URL), product pages. */
class CatalogBrowserIT extends BrowserTest {

    @Test
    void landingPageShowsTheOfferHowItWorksPromisesPanelsAndFaq() throws IOException {
        approvedInstallerAt(ThreadLocalRandom.current().nextDouble(-50, 50), ThreadLocalRandom.current().nextDouble(-170, 170),
                "Landing Solar", 30);
        open("/");
        waitFor(By.cssSelector("#home-panels .panel-card"));
        waitFor(By.cssSelector("#faq .faq-entry"));
        waitForText(By.id("counts"), "verified installer");
        assertThat(browser.findElement(By.id("counts")).getText()).contains("on sale");
        assertThat(browser.findElement(By.id("start-quote")).getAttribute("href")).endsWith("#/quote");
        assertThat(browser.findElements(By.cssSelector(".how-steps > li"))).hasSize(3);
        assertThat(browser.findElement(By.id("guarantees")).getText()).contains("held until you confirm");
        assertThat(browser.findElements(By.cssSelector("#home-panels .panel-card img"))).isNotEmpty();
        screenshots("landing");
    }

    @Test
    void everyPanelIsReachableThroughThePager() throws IOException {
        int total = api.get("/api/v1/catalog/panels?size=1").json().path("totalItems").asInt();
        assertThat(total).as("panels on sale").isGreaterThan(12);
        open("/#/catalog");
        waitFor(By.cssSelector("#results .panel-card"));
        waitForText(By.id("result-count"), total + " panels found");
        int pages = (total + 11) / 12;
        Set<String> seen = new LinkedHashSet<>();
        for (int page = 1; page <= pages; page++) {
            String status = "Page " + page + " of " + pages;
            waitForText(By.id("page-status"), status);
            waitFor(By.cssSelector("#results[data-page='" + page + "'] .panel-card"));
            List<String> ids = browser.findElements(By.cssSelector("#results .panel-card")).stream()
                    .map(c -> c.getAttribute("data-id")).toList();
            assertThat(ids).as("cards on page %s", page).isNotEmpty();
            seen.addAll(ids);
            if (page == 2) {
                assertThat(browser.getCurrentUrl()).endsWith("#/catalog?page=2");
                assertThat(browser.findElement(By.id("page-prev")).getText()).isEqualTo("Previous");
                screenshots("catalog-page-2");
            }
            if (page < pages) {
                browser.findElement(By.id("page-next")).click();
            } else {
                assertThat(browser.findElements(By.id("page-next"))).isEmpty();
            }
        }
        assertThat(seen).as("every panel once").hasSize(total);
    }

    @Test
    void everySortOptionOrdersTheCards() throws IOException {
        open("/#/catalog");
        waitFor(By.cssSelector("#results .panel-card"));
        List<String> options = new Select(browser.findElement(By.cssSelector("#catalog-search select[name=sort]")))
                .getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(options).containsExactly("name", "-name", "price", "-price", "-watts", "-efficiency");
        for (String sort : List.of("price", "-price", "-watts", "-efficiency", "-name", "name")) {
            new Select(browser.findElement(By.cssSelector("#catalog-search select[name=sort]"))).selectByValue(sort);
            String suffix = "name".equals(sort) ? "#/catalog" : "#/catalog?sort=" + sort;
            wait.until(d -> d.getCurrentUrl().endsWith(suffix));
            waitFor(By.cssSelector("#results[data-sort='" + sort + "'] .panel-card"));
            List<WebElement> cards = browser.findElements(By.cssSelector("#results .panel-card"));
            assertThat(cards).hasSize(12);
            switch (sort) {
                case "name" -> assertThat(values(cards, "model")).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
                case "-name" -> assertThat(values(cards, "model"))
                        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
                case "price" -> assertThat(numbers(cards, "price")).isSorted();
                case "-price" -> assertThat(numbers(cards, "price")).isSortedAccordingTo(Comparator.reverseOrder());
                case "-watts" -> assertThat(numbers(cards, "watts")).isSortedAccordingTo(Comparator.reverseOrder());
                default -> assertThat(numbers(cards, "efficiency")).isSortedAccordingTo(Comparator.reverseOrder());
            }
            assertThat(new Select(browser.findElement(By.cssSelector("#catalog-search select[name=sort]")))
                    .getFirstSelectedOption().getAttribute("value")).isEqualTo(sort);
        }
        screenshots("catalog-sorted-by-name");
    }

    @Test
    void theSearchStateLivesInTheUrlAndSurvivesBack() throws IOException {
        open("/#/catalog");
        WebElement form = waitFor(By.id("catalog-search"));
        fill(form, "minWatts", "300");
        new Select(form.findElement(By.name("sort"))).selectByValue("price");
        wait.until(d -> d.getCurrentUrl().endsWith("#/catalog?minWatts=300&sort=price"));
        int total = api.get("/api/v1/catalog/panels?size=1&minWatts=300").json().path("totalItems").asInt();
        if (total > 12) {
            waitFor(By.id("page-next")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("#/catalog?minWatts=300&page=2&sort=price"));
        }
        waitFor(By.cssSelector("#results .panel-card"));
        String url = browser.getCurrentUrl();
        String status = browser.findElement(By.id("page-status")).getText();
        String first = browser.findElement(By.cssSelector("#results .panel-card")).getAttribute("data-id");
        screenshots("catalog-filtered");

        browser.findElement(By.cssSelector("#results .panel-card h2 a")).click();
        waitFor(By.id("panel-facts"));
        browser.navigate().back();
        wait.until(d -> d.getCurrentUrl().equals(url));
        waitFor(By.cssSelector("#results .panel-card"));
        waitForText(By.id("page-status"), status);
        assertThat(browser.findElement(By.cssSelector("#results .panel-card")).getAttribute("data-id")).isEqualTo(first);
        WebElement again = browser.findElement(By.id("catalog-search"));
        assertThat(again.findElement(By.name("minWatts")).getAttribute("value")).isEqualTo("300");
        assertThat(new Select(again.findElement(By.name("sort"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("price");

        // A link straight to a search shows it, the form filled in.
        open("/#/catalog?q=zzz-no-such-panel");
        waitForText(By.id("results"), "No panels match");
        assertThat(browser.findElement(By.cssSelector("#catalog-search input[name=q]")).getAttribute("value"))
                .isEqualTo("zzz-no-such-panel");
        screenshots("catalog-no-match");
    }

    @Test
    void clickingPanelsOnTheCatalogShowsItAfresh() {
        open("/#/catalog");
        waitFor(By.cssSelector("#results .panel-card"));
        js("document.getElementById('results').dataset.old = 'yes'");
        browser.findElement(By.cssSelector("#nav-links a[href='#/catalog']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results[data-old]")).isEmpty());
        waitFor(By.cssSelector("#results .panel-card"));

        // From a search, the same link goes back to the plain catalog.
        open("/#/catalog?q=longi&page=1");
        waitFor(By.cssSelector("#results .panel-card"));
        browser.findElement(By.cssSelector("#nav-links a[href='#/catalog']")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/catalog"));
        wait.until(d -> "".equals(d.findElement(By.cssSelector("#catalog-search input[name=q]")).getAttribute("value")));
    }

    @Test
    void searchOpensAProductPageWithItsDatasheetAndTheWaysToOrder() throws IOException {
        open("/#/catalog");
        wait.until(d -> d.findElements(By.cssSelector("#results .panel-card")).size() >= 12);
        WebElement form = browser.findElement(By.id("catalog-search"));
        fill(form, "q", "longi");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> {
            List<WebElement> cards = d.findElements(By.cssSelector("#results .panel-card"));
            return !cards.isEmpty() && cards.stream().allMatch(c -> c.getText().toLowerCase().contains("longi"));
        });
        browser.findElement(By.cssSelector("#results .panel-card h2 a")).click();
        WebElement facts = waitFor(By.id("panel-facts"));
        assertThat(facts.getText()).contains("Peak power", "Efficiency", "Product warranty", "Availability");
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(browser.findElement(By.id("sizing-cta")).getAttribute("href")).contains("#/quote?panel=");
        assertThat(browser.findElement(By.id("order-cta")).getAttribute("href")).contains("#/order?panel=");
        assertThat(browser.findElement(By.id("buy")).getText()).contains("sign in");
        screenshots("product");
        browser.findElement(By.id("sizing-cta")).click();
        waitForText(By.id("quote-panel"), "Estimate for the");
    }

    @Test
    void storedXssInTheFaqRendersAsText() {
        String admin = adminToken();
        List<Map<String, String>> before = new ArrayList<>();
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

    private static List<String> values(List<WebElement> cards, String key) {
        return cards.stream().map(c -> c.getAttribute("data-" + key)).toList();
    }

    private static List<BigDecimal> numbers(List<WebElement> cards, String key) {
        return cards.stream().map(c -> new BigDecimal(c.getAttribute("data-" + key))).toList();
    }
}
