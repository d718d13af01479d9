package com.sundispatch.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installation life cycle (issue 16) in a real browser: a homeowner (German UI) orders and pays, an installer
 * accepts, proposes an appointment, the homeowner confirms it, the installer starts on the day, files the report
 * with serial numbers and real photos, the homeowner sees the photos and confirms, and may then review. Also the
 * admin's disputes view. Full-page screenshots of every new screen at 1280x900 and 390x844 go to
 * target/screenshots/InstallationJourneyBrowserIT-*.png.
 */
class InstallationJourneyBrowserIT extends BrowserTest {

    private static final int PANELS = 3;

    @Test
    void homeownerAndInstallerGoFromPaidOrderToConfirmedInstallationWithPhotos() throws IOException {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        String installerEmail = approvedInstallerAt(lat, lon, "Sonnenmontage Journey", 50);
        String customerEmail = registerVerifiedCustomer();
        String customerAccess = login(customerEmail, PASSWORD).access();
        assertThat(api.patch("/api/v1/me", Map.of("language", "de"), customerAccess).status()).isEqualTo(200);
        Map<String, Object> where = installationAt(lat + 0.05, lon);
        String panel = createPanel(20, "120.00");

        // The homeowner orders and pays in the browser, in German.
        signIn(customerEmail, PASSWORD);
        open("/#/order?panel=" + panel);
        WebElement order = waitFor(By.id("order-form"));
        fill(order, "quantity", String.valueOf(PANELS));
        fill(order, "addressLine", (String) where.get("addressLine"));
        fill(order, "postalCode", (String) where.get("postalCode"));
        fill(order, "city", (String) where.get("city"));
        setDateTime(order.findElement(By.name("preferredStart")), (String) where.get("preferredStart"));
        setDateTime(order.findElement(By.name("preferredEnd")), (String) where.get("preferredEnd"));
        // "Bestellen und bezahlen" places the order and opens the (sandbox) payment at once.
        order.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("confirm-payment")).click();
        waitForText(By.id("order-status"), "Bezahlt");
        String orderId = browser.getCurrentUrl().replaceAll(".*#/orders/", "");
        signOut();

        // The installer accepts the offer and proposes the first possible time of the window.
        signIn(installerEmail, PASSWORD);
        open("/#/installer");
        waitFor(By.cssSelector("#offers .offer button.accept")).click();
        // Said next to the offers, with the way to the job; not a page-wide flash that outlives the job's state.
        waitForText(By.id("offers-status"), "The job is yours");
        assertThat(browser.findElement(By.id("flash")).getText()).doesNotContain("The job is yours");
        WebElement openJob = wait.until(d -> d.findElements(By.cssSelector("#jobs .job")).stream()
                .filter(j -> j.getText().contains((String) where.get("addressLine"))).findFirst()
                .map(j -> j.findElement(By.cssSelector("a.open-job"))).orElse(null));
        openJob.click();
        waitForText(By.id("job-status"), "appointment not agreed yet");
        String jobId = browser.getCurrentUrl().replaceAll(".*#/installer/jobs/", "");
        WebElement proposal = waitFor(By.id("proposal-form"));
        assertThat(proposal.getText()).contains("Start between");
        checkAccessibility("installer job, assigned");
        screenshots("installer-propose");
        proposal.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("open-proposal"), "You proposed");
        waitForText(By.id("flash"), "Your proposal was sent");
        signOut();

        // The homeowner sees the proposal in German and confirms it; the appointment can go into a calendar.
        signIn(customerEmail, PASSWORD);
        open("/#/orders/" + orderId);
        waitForText(By.id("open-proposal"), "Ihr Installateur schlägt");
        waitForText(By.id("installer-line"), "Sonnenmontage Journey");
        checkAccessibility("order, proposal");
        screenshots("customer-proposal");
        browser.findElement(By.id("accept-proposal")).click();
        waitForText(By.id("job-status"), "Termin vereinbart");
        WebElement appointment = waitFor(By.id("appointment"));
        appointment.findElement(By.cssSelector("button.add-to-calendar")).click();
        assertThat(appointment.findElement(By.cssSelector(".error")).getText()).isEmpty();
        screenshots("customer-appointment");
        signOut();

        // The day comes (the server's clock); the installer starts and files the report.
        JsonNode installation = api.get("/api/v1/orders/" + orderId + "/installation", customerAccess).json();
        Instant start = Instant.parse(installation.path("appointment").path("start").asString());
        clock.advance(Duration.between(clock.instant(), start).plusMinutes(10));
        signIn(installerEmail, PASSWORD);
        open("/#/installer/jobs/" + jobId);
        waitForText(By.id("job-status"), "Appointment agreed");
        waitFor(By.id("start-installation")).click();
        waitForText(By.id("job-status"), "Installation in progress");
        WebElement report = waitFor(By.id("report-form"));
        // Submitting too early says what is missing, in words, and puts the focus on it.
        report.findElement(By.id("submit-report")).click();
        waitForText(By.id("report-error"), "Tick all four checklist items");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("check-panelsMounted");
        for (String check : List.of("panelsMounted", "inverterConnected", "systemCommissioned", "gridDocumentsHandedOver")) {
            browser.findElement(By.id("check-" + check)).sendKeys(Keys.SPACE);
        }
        assertThat(report.findElements(By.cssSelector("input[name=serial]"))).hasSize(PANELS);
        for (int i = 1; i <= PANELS; i++) {
            browser.findElement(By.id("serial-" + i)).sendKeys("SN-" + jobId.substring(0, 6) + "-" + i);
        }
        browser.findElement(By.id("report-notes")).sendKeys("Inverter in the basement, next to the meter.");
        Path png = image("png", 800, 600);
        Path jpeg = image("jpg", 640, 480);
        Path notAnImage = Files.createTempFile("not-an-image", ".jpg");
        Files.writeString(notAnImage, "<svg xmlns='http://www.w3.org/2000/svg'></svg>");
        browser.findElement(By.id("photo-input")).sendKeys(png + "\n" + jpeg + "\n" + notAnImage);
        wait.until(d -> d.findElements(By.cssSelector(".photo-upload[data-status=done]")).size() == 2
                && d.findElements(By.cssSelector(".photo-upload[data-status=failed]")).size() == 1);
        WebElement failed = browser.findElement(By.cssSelector(".photo-upload[data-status=failed]"));
        assertThat(failed.getText()).contains("not a JPEG, PNG or WebP photo");
        checkAccessibility("installer report form");
        screenshots("installer-report");
        failed.findElement(By.cssSelector("button.remove-photo")).click();
        wait.until(d -> d.findElements(By.cssSelector(".photo-upload[data-status=failed]")).isEmpty());
        report.findElement(By.id("submit-report")).click();
        waitForText(By.id("job-status"), "waiting for the customer's confirmation");
        waitFor(By.id("report"));
        assertThat(browser.findElement(By.cssSelector("#report .serials")).getText()).contains("SN-" + jobId.substring(0, 6) + "-3");
        screenshots("installer-submitted");
        signOut();

        // The homeowner sees the report with the photos, opens one larger, and confirms.
        signIn(customerEmail, PASSWORD);
        open("/#/orders/" + orderId);
        waitForText(By.id("job-status"), "Bitte prüfen Sie den Bericht");
        waitForText(By.id("confirm-by"), "automatisch bestätigt");
        wait.until(d -> d.findElements(By.cssSelector("#report .photo-grid img.thumb")).size() == 2
                && d.findElements(By.cssSelector("#report .photo-grid img.thumb")).stream().allMatch(this::loaded));
        WebElement thumb = browser.findElement(By.cssSelector("#report .photo-grid img.thumb"));
        assertThat(thumb.getAttribute("src")).startsWith("blob:");
        assertThat(thumb.getAttribute("alt")).startsWith("Montagefoto 1 von 2");
        checkAccessibility("order, report");
        screenshots("customer-report");
        browser.findElement(By.cssSelector("#report .thumb-button")).click();
        WebElement large = waitFor(By.cssSelector("dialog.photo-viewer img.photo-large"));
        wait.until(d -> loaded(large));
        screenshots("customer-photo-large");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.photo-viewer")));
        browser.findElement(By.id("confirm-installation")).click();
        waitForText(By.id("job-status"), "Montage abgeschlossen");
        waitForText(By.id("order-status"), "Montiert");
        WebElement review = waitFor(By.id("review-form"));
        review.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash"), "Danke für Ihre Bewertung");
        waitForText(By.id("reviewed"), "Sie haben diese Montage bewertet");
        screenshots("customer-completed");
        String fresh = login(customerEmail, PASSWORD).access(); // the first token expired when the day came
        assertThat(api.get("/api/v1/orders/" + orderId, fresh).json().path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void adminSeesADisputedJobWithItsReportAndPhotosAndSendsItBackForRework() throws IOException {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        String installerEmail = approvedInstallerAt(lat, lon, "Dispute Solar", 50);
        String installer = login(installerEmail, PASSWORD).access();
        String customerEmail = registerVerifiedCustomer();
        String customer = login(customerEmail, PASSWORD).access();
        String orderId = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", createPanel(10, "99.00"),
                "quantity", 2)), "installation", installationAt(lat + 0.05, lon)), customer).json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, customer).json()
                .path("paymentId").asString();
        api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of("outcome", "succeeded"), customer);
        String offerId = awaitOffer(installer);
        String jobId = api.post("/api/v1/installer/offers/" + offerId + "/accept", null, installer).json()
                .path("jobId").asString();
        String jobs = "/api/v1/installer/jobs/" + jobId;
        JsonNode window = api.get(jobs, installer).json().path("window");
        Instant start = Instant.parse(window.path("start").asString()).plus(Duration.ofHours(1));
        String proposalId = api.post(jobs + "/appointment/proposals", Map.of("start", start.toString(), "end",
                start.plus(Duration.ofHours(4)).toString()), installer).json().path("scheduling")
                .path("openProposal").path("id").asString();
        assertThat(api.post("/api/v1/installations/" + jobId + "/appointment/proposals/" + proposalId + "/accept",
                null, customer).status()).isEqualTo(200);
        clock.advance(Duration.between(clock.instant(), start).plusMinutes(10));
        installer = login(installerEmail, PASSWORD).access();
        assertThat(api.post(jobs + "/start", null, installer).status()).isEqualTo(200);
        Api.Response photo = api.upload(jobs + "/photos", "photo", "roof.png", "image/png",
                Files.readAllBytes(image("png", 400, 300)), installer);
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        String photoId = photo.json().path("photoId").asString();
        assertThat(api.post(jobs + "/complete", Map.of("checklist", Map.of("panelsMounted", true, "inverterConnected",
                true, "systemCommissioned", true, "gridDocumentsHandedOver", true), "serialNumbers",
                List.of("DSP-1", "DSP-2"), "notes", "All done.", "photoIds", List.of(photoId)), installer).status())
                .isEqualTo(200);
        customer = login(customerEmail, PASSWORD).access();
        assertThat(api.post("/api/v1/installations/" + jobId + "/dispute",
                Map.of("reason", "One panel is cracked and the inverter shows an error."), customer).status())
                .isEqualTo(200);

        signInAsAdmin();
        open("/#/admin/disputes");
        String card = "#admin-disputes [data-job='" + jobId + "']";
        WebElement show = waitFor(By.cssSelector(card + " button.show-dispute"));
        assertThat(show.getAttribute("aria-expanded")).isEqualTo("false");
        show.click();
        waitForText(By.cssSelector(card + " .dispute-reason"), "One panel is cracked");
        assertThat(show.getAttribute("aria-expanded")).isEqualTo("true");
        wait.until(d -> d.findElements(By.cssSelector(card + " .photo-grid img.thumb")).stream().anyMatch(this::loaded));
        assertThat(browser.findElement(By.cssSelector(card + " .serials")).getText()).contains("DSP-1", "DSP-2");
        WebElement resolve = browser.findElement(By.cssSelector(card + " form.resolve-form"));
        resolve.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.cssSelector(card + " form.resolve-form .error"), "Choose an outcome");
        resolve.findElement(By.cssSelector("input[value=REWORK]")).click();
        resolve.findElement(By.name("note")).sendKeys("Replace the cracked panel and check the inverter.");
        checkAccessibility("admin dispute");
        screenshots("admin-dispute");
        resolve.findElement(By.cssSelector("button[type=submit]")).click();
        confirmItsYouIfAsked();
        waitForText(By.id("flash"), "The dispute is resolved");
        assertThat(api.get(jobs, login(installerEmail, PASSWORD).access()).json().path("status").asString())
                .isEqualTo("IN_PROGRESS");
    }

    /** Sets a datetime-local input to an instant, in the browser's own time zone, as a person picking it would. */
    private void setDateTime(WebElement input, String instant) {
        js("const d = new Date(arguments[1]); arguments[0].value = "
                + "new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);", input, instant);
    }

    private void signOut() {
        waitFor(By.id("logout")).click();
        waitFor(By.id("nav-login"));
    }

    private boolean loaded(WebElement img) {
        Object ok = js("return arguments[0].complete && arguments[0].naturalWidth > 0", img);
        return Boolean.TRUE.equals(ok);
    }

    /** The admin's step-up, when the server asks for it before a resolution: the password. */
    private void confirmItsYouIfAsked() {
        wait.until(d -> !d.findElements(By.cssSelector("dialog.modal #reauth-form")).isEmpty()
                || d.findElement(By.id("flash")).getText().contains("resolved"));
        List<WebElement> dialogs = browser.findElements(By.cssSelector("dialog.modal #reauth-form"));
        if (!dialogs.isEmpty()) {
            dialogs.get(0).findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
            dialogs.get(0).findElement(By.cssSelector("button[type=submit]")).click();
        }
    }

    /** A real image file (a sunny roof, drawn), PNG or JPEG. */
    private static Path image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(135, 190, 235));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(120, 60, 40));
        g.fillPolygon(new int[] {0, width / 2, width}, new int[] {height, height / 3, height}, 3);
        g.setColor(new Color(20, 40, 90));
        for (int i = 0; i < 3; i++) {
            g.fillRect(width / 4 + i * width / 6, height / 2, width / 8, height / 6);
        }
        g.setColor(new Color(250, 200, 40));
        g.fillOval(width - width / 5, height / 12, width / 8, width / 8);
        g.dispose();
        Path file = Files.createTempFile("roof", "." + format);
        ImageIO.write(image, "jpg".equals(format) ? "jpeg" : format, file.toFile());
        return file;
    }

    /**
     * Basic accessibility checks of what is on the screen: every visible form control has a name (a label, or
     * aria-label/aria-labelledby), every image an alt text, and no control is reachable only by a mouse.
     */
    private void checkAccessibility(String where) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) js("""
                const problems = [];
                const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
                for (const el of document.querySelectorAll('main input, main select, main textarea, main button')) {
                  if (!visible(el) || el.type === 'hidden') continue;
                  const named = el.labels && el.labels.length > 0 || el.getAttribute('aria-label')
                    || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent.trim());
                  if (!named) problems.push(`${el.tagName.toLowerCase()} ${el.name || el.id || el.className} has no label`);
                  if (el.tabIndex < 0) problems.push(`${el.tagName.toLowerCase()} ${el.name || el.id} is not focusable`);
                }
                for (const img of document.querySelectorAll('main img')) {
                  if (!img.hasAttribute('alt')) problems.push(`img ${img.src.slice(0, 40)} has no alt`);
                }
                return problems;
                """);
        assertThat(problems).as("accessibility problems on %s", where).isEmpty();
        assertThat((String) js("return document.body.innerText")).as("raw codes on %s", where)
                .doesNotContain("AWAITING_CONFIRMATION", "IN_PROGRESS", "undefined", "null");
    }
}
