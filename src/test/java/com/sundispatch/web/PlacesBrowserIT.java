package com.sundispatch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Addresses with suggestions and maps (issue 15) in a real browser, on a desktop and a phone-sized window. */
class PlacesBrowserIT extends BrowserTest {

    @Test
    void homeownerOrdersByTypingAnAddressWithSuggestionsAndSeesTheHomeOnTheMap() throws IOException {
        String email = registerVerifiedCustomer();
        signIn(email, PASSWORD);
        String panel = createPanel(30, "150.00");
        open("/#/order?panel=" + panel);
        WebElement order = waitFor(By.id("order-form"));
        assertThat(order.findElements(By.cssSelector("input[name=latitude], input[name=longitude]"))).isEmpty();
        fill(order, "quantity", "4");
        fill(order, "addressLine", "Unter den Linden 1");

        WebElement postal = order.findElement(By.name("postalCode"));
        postal.sendKeys("10117");
        WebElement suggestion = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@role='listbox']/li[@role='option'][contains(., '10117 Berlin')]")));
        assertThat(postal.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector(".address [role=status]")).getText()).contains("suggestion");
        screenshot("suggestions-desktop");
        // The keyboard path of the combobox: arrow down highlights the first suggestion, Enter takes it.
        postal.sendKeys(Keys.ARROW_DOWN);
        assertThat(postal.getAttribute("aria-activedescendant")).isNotBlank();
        suggestion.click();
        assertThat(order.findElement(By.name("city")).getAttribute("value")).isEqualTo("Berlin");
        assertThat(order.findElement(By.name("postalCode")).getAttribute("value")).isEqualTo("10117");
        assertThat(new Select(order.findElement(By.name("country")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("DE");
        waitForText(By.cssSelector(".place-used"), "10117 Berlin");
        // The position check shows where the address was found, as a pin the customer could drag.
        waitFor(By.cssSelector(".position-check .map-pin[data-kind=home]"));
        show(By.cssSelector(".position-check"));
        screenshot("checkout-desktop");

        // "Place order and pay" places the order and opens the (sandbox) payment, whose page links back to the order.
        order.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("confirm-payment"));
        browser.findElement(By.cssSelector("a[href^='/#/orders/']")).click();
        waitForText(By.id("order-status"), "Awaiting payment");
        WebElement home = waitFor(By.cssSelector("#order-map .map-pin[data-kind=home]"));
        String orderId = browser.getCurrentUrl().replaceAll(".*#/orders/", "");
        JsonNode installation = api.get("/api/v1/orders/" + orderId, login(email, PASSWORD).access()).json()
                .path("installation");
        assertThat(Double.parseDouble(home.getAttribute("data-lat")))
                .isCloseTo(installation.path("latitude").asDouble(), within(1e-9));
        assertThat(Double.parseDouble(home.getAttribute("data-lon")))
                .isCloseTo(installation.path("longitude").asDouble(), within(1e-9));
        assertThat(installation.path("latitude").asDouble()).isCloseTo(52.52, within(0.05));
        WebElement canvas = browser.findElement(By.cssSelector("#order-map .map-canvas"));
        assertThat(canvas.getAttribute("role")).isEqualTo("img");
        assertThat(canvas.getAttribute("aria-label")).contains("Unter den Linden 1");
        assertThat(browser.findElement(By.cssSelector("#order-map figcaption")).getText())
                .isEqualTo("Unter den Linden 1, 10117 Berlin");
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                .contains("Natural Earth");
        assertThat(browser.findElement(By.id("data-attribution")).getText()).contains("GeoNames", "CC BY 4.0",
                "OpenStreetMap", "Natural Earth");
        show(By.id("order-map"));
        screenshot("order-desktop");

        phone();
        waitFor(By.cssSelector("#order-map .map-pin[data-kind=home]"));
        assertNoHorizontalScroll();
        show(By.id("order-map"));
        screenshot("order-phone");
        open("/#/order?panel=" + panel);
        waitFor(By.id("order-form"));
        assertNoHorizontalScroll();
        screenshot("checkout-phone");
    }

    @Test
    void quoteFromAPostalCodeShowsThePlaceUsed() throws IOException {
        open("/#/quote");
        WebElement quote = waitFor(By.id("quote-form"));
        assertThat(quote.findElements(By.cssSelector("input[name=latitude], input[name=longitude]"))).isEmpty();
        quote.findElement(By.name("postalCode")).sendKeys("80331");
        quote.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("quote-result"), "Place used:");
        assertThat(browser.findElement(By.id("quote-result")).getText()).contains("80331", "München");
        assertThat(quote.findElement(By.cssSelector(".use-location")).getText()).isEqualTo("Use my location");
        phone();
        assertNoHorizontalScroll();
        show(By.id("quote-result"));
        screenshot("quote-phone");
    }

    @Test
    void anAddressThatCannotBePlacedOffersTheServersSuggestions() {
        open("/#/quote");
        WebElement quote = waitFor(By.id("quote-form"));
        quote.findElement(By.name("postalCode")).sendKeys("99999");
        quote.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector(".address-problem"), "could not find");
        assertThat(browser.findElement(By.id("quote-result")).getText()).isEmpty();
    }

    @Test
    void theInstallersOfferMapShowsOnlyTheCoarsePointAndTheJobMapTheExactOne() throws IOException {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        String installerEmail = approvedInstallerAt(lat, lon, "Places Solar", 40);
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        // A typed address (no coordinates), which the test geocoder places 3 km from the installer's base.
        Map<String, Object> where = installationAt(lat + 0.027, lon);
        String street = (String) where.get("addressLine");
        String postalCode = (String) where.get("postalCode");
        String city = (String) where.get("city");
        String orderId = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", createPanel(10, "99.00"),
                "quantity", 3)), "installation", where), customer).json().path("id").asString();
        JsonNode exact = api.get("/api/v1/orders/" + orderId, customer).json().path("installation");
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, customer).json()
                .path("paymentId").asString();
        api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), customer);

        String jobId = wait.until(d -> {
            Api.Response r = api.get("/api/v1/orders/" + orderId + "/installation", customer);
            return r.status() == 200 ? r.json().path("jobId").asString() : null;
        });
        String installerAccess = login(installerEmail, PASSWORD).access();
        // Dispatch runs after the payment event: wait for this job's offer.
        JsonNode apiOffer = wait.until(d -> {
            for (JsonNode o : api.get("/api/v1/installer/offers", installerAccess).json()) {
                if (o.path("jobId").asString().equals(jobId)) {
                    return o;
                }
            }
            return null;
        });
        assertThat(apiOffer).as("the installer's offer for this job").isNotNull();
        String card = "#offers .offer[data-offer='" + apiOffer.path("offerId").asString() + "']";

        signIn(installerEmail, PASSWORD);
        open("/#/installer");
        WebElement offer = waitFor(By.cssSelector(card));
        WebElement area = waitFor(By.cssSelector(card + " path[data-kind=approximate]"));
        JsonNode approximate = apiOffer.path("approximateLocation");
        double shownLat = Double.parseDouble(area.getAttribute("data-lat"));
        double shownLon = Double.parseDouble(area.getAttribute("data-lon"));
        assertThat(shownLat).isEqualTo(approximate.path("latitude").asDouble());
        assertThat(shownLon).isEqualTo(approximate.path("longitude").asDouble());
        assertThat(shownLat == exact.path("latitude").asDouble() && shownLon == exact.path("longitude").asDouble())
                .as("the offer map must not show the exact point").isFalse();
        // Nothing on the card, the map included, says the street or the exact point.
        assertThat(offer.findElements(By.cssSelector("[data-kind=home]"))).isEmpty();
        assertThat(offer.getText()).contains("Approximate location (about 1 km)", postalCode, city, "km away")
                .doesNotContain(street);
        assertThat((String) js("return arguments[0].outerHTML", offer)).doesNotContain(street)
                .doesNotContain(String.valueOf(exact.path("latitude").asDouble()));
        show(By.cssSelector(card));
        screenshot("offer-desktop");
        phone();
        waitFor(By.cssSelector(card + " path[data-kind=approximate]"));
        assertNoHorizontalScroll();
        show(By.cssSelector(card + " figure"));
        screenshot("offer-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        waitFor(By.cssSelector(card + " button.accept")).click();
        waitForText(By.id("offers-status"), "The job is yours");
        waitForText(By.id("jobs"), street);
        WebElement job = wait.until(d -> d.findElements(By.cssSelector("#jobs .job")).stream()
                .filter(j -> j.getText().contains(street)).findFirst().orElse(null));
        WebElement pin = wait.until(d -> job.findElements(By.cssSelector(".map-pin[data-kind=home]")).stream()
                .findFirst().orElse(null));
        assertThat(Double.parseDouble(pin.getAttribute("data-lat"))).isEqualTo(exact.path("latitude").asDouble());
        assertThat(job.findElement(By.cssSelector("a.map-app")).getAttribute("href")).startsWith("geo:");
        assertThat(job.findElement(By.cssSelector("a.map-web")).getAttribute("href"))
                .startsWith("https://www.openstreetmap.org/");
        show(By.cssSelector("#jobs .job figure"));
        screenshot("job-desktop");
    }

    @Test
    void adminSeesOpenJobsAndServiceAreasOnAMapWithALegendAndAList() throws IOException {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        approvedInstallerAt(lat, lon, "Places Solar", 40);
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        Map<String, Object> where = installationAt(lat + 0.027, lon);
        String orderId = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", createPanel(10, "99.00"),
                "quantity", 2)), "installation", where), customer).json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, customer).json()
                .path("paymentId").asString();
        api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), customer);

        // A fresh authenticator step for the admin's browser sign-in: earlier sign-ins in this run may have used
        // the current and the next one.
        clock.advance(Duration.ofSeconds(61));
        signInAsAdmin();
        open("/#/admin/map");
        waitFor(By.cssSelector("#admin-map .map-canvas[role=img]"));
        waitFor(By.cssSelector("#admin-map path[data-kind=service-area]"));
        waitFor(By.cssSelector("#admin-map path[data-kind=job]"));
        assertThat(browser.findElement(By.cssSelector("#admin-map figcaption")).getText()).contains("Legend");
        waitForText(By.id("admin-map-jobs"), where.get("postalCode") + " " + where.get("city"));
        assertThat(browser.findElement(By.id("admin-map-installers")).getText()).contains("Places Solar");
        screenshot("admin-map-desktop");
        phone();
        assertNoHorizontalScroll();
        screenshot("admin-map-phone");
    }

    private void phone() {
        browser.manage().window().setSize(new Dimension(360, 800));
    }

    private void assertNoHorizontalScroll() {
        Number scroll = (Number) js("return document.documentElement.scrollWidth");
        Number width = (Number) js("return document.documentElement.clientWidth");
        assertThat(scroll.intValue()).as("page width at %s px", width).isLessThanOrEqualTo(width.intValue());
    }

    private void show(By what) {
        js("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(what));
    }

    private void screenshot(String name) throws IOException {
        checkPage(name);
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("PlacesBrowserIT-" + name + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
