package com.sundispatch.billing;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.sundispatch.support.Api;
import com.sundispatch.support.BrowserTest;
import com.sundispatch.support.TestImages;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money (issue 17) in a real browser: a homeowner (German UI) sees the order with its VAT, pays on the sandbox
 * page that shows the amount, downloads the invoice, cancels with the fee dialog and sees the refund; an installer
 * reads the earnings of a confirmed job; an admin searches orders, opens one, refunds it (with step-up and one
 * Idempotency-Key per form, so a double submit refunds once), marks the payout paid and downloads the ledger.
 * Full-page screenshots of every new screen at 1280x900 and 390x844 go to target/screenshots/MoneyJourneyBrowserIT-*.png.
 */
class MoneyJourneyBrowserIT extends BrowserTest {

    private static final int PANELS = 3;

    @Test
    void homeownerSeesVatPaysInTheSandboxDownloadsTheInvoiceAndCancelsWithTheFeeRefunded() throws IOException {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        String installerEmail = approvedInstallerAt(lat, lon, "Geld Montage", 50);
        String customerEmail = registerVerifiedCustomer();
        String customerAccess = login(customerEmail, PASSWORD).access();
        assertThat(api.patch("/api/v1/me", Map.of("language", "de"), customerAccess).status()).isEqualTo(200);
        Map<String, Object> where = installationAt(lat + 0.05, lon);
        String panel = createPanel(20, "120.00");

        // The order form says what the panels come to as the quantity changes.
        signIn(customerEmail, PASSWORD);
        open("/#/order?panel=" + panel);
        WebElement order = waitFor(By.id("order-form"));
        fill(order, "quantity", String.valueOf(PANELS));
        waitForText(By.id("order-estimate"), "3 × 120,00 € = 360,00 € für die Module");
        fill(order, "addressLine", (String) where.get("addressLine"));
        fill(order, "postalCode", (String) where.get("postalCode"));
        fill(order, "city", (String) where.get("city"));
        setDateTime(order.findElement(By.name("preferredStart")), (String) where.get("preferredStart"));
        setDateTime(order.findElement(By.name("preferredEnd")), (String) where.get("preferredEnd"));
        order.findElement(By.cssSelector("button[type=submit]")).click();
        // "Bestellen und bezahlen" places the order and opens the payment, whose page links back to the order.
        waitFor(By.id("confirm-payment"));
        browser.findElement(By.cssSelector("a[href^='/#/orders/']")).click();
        waitForText(By.id("order-status"), "Zahlung ausstehend");
        String orderId = browser.getCurrentUrl().replaceAll(".*#/orders/", "");
        JsonNode placed = api.get("/api/v1/orders/" + orderId, customerAccess).json();
        String total = placed.path("total").path("amount").asString();
        String vat = placed.path("tax").path("vat").path("amount").asString();

        // The summary before paying: each line, the installation, the total and the VAT it includes.
        WebElement summary = waitFor(By.id("order-summary"));
        assertThat(text(summary)).contains("Menge", "Einzelpreis", "120,00 €", "360,00 €", "Montage");
        assertThat(text(browser.findElement(By.id("order-total")))).isEqualTo(euro(total));
        assertThat(text(browser.findElement(By.id("order-vat")))).contains("inkl. 19 % MwSt.: " + euro(vat));
        assertThat(text(browser.findElement(By.id("order-ref")))).isEqualTo(orderId.substring(0, 8).toUpperCase(Locale.ROOT));
        checkAccessibility("order before paying");
        screenshots("order-before-paying");

        // The sandbox page shows what is paid for, and says loudly that no money moves.
        browser.findElement(By.id("pay")).click();
        WebElement pay = waitFor(By.id("confirm-payment"));
        assertThat(text(browser.findElement(By.id("checkout-notice")))).contains("Testmodus: Es fließt kein Geld.");
        assertThat(text(browser.findElement(By.id("checkout-amount")))).isEqualTo(euro(total));
        assertThat(text(browser.findElement(By.id("checkout-order")))).isEqualTo(orderId.substring(0, 8).toUpperCase(Locale.ROOT));
        assertThat(text(browser.findElement(By.id("checkout-vat")))).contains(euro(vat));
        assertThat(text(pay)).contains(euro(total));
        checkAccessibility("sandbox checkout");
        screenshots("sandbox-checkout");
        pay.click();
        waitForText(By.id("order-status"), "Bezahlt");

        // The invoice: a button that fetches the PDF with the token and says when it is saved.
        WebElement invoice = waitFor(By.cssSelector("#documents li[data-type=INVOICE] button.download-doc"));
        String number = invoice.getAttribute("data-number");
        assertThat(number).startsWith("INV-");
        assertThat(text(invoice)).isEqualTo("Rechnung " + number + " herunterladen (PDF)");
        invoice.click();
        waitForText(By.id("documents-status"), number + ".pdf heruntergeladen.");
        assertThat(invoice.getAttribute("data-downloaded")).isEqualTo("true");
        checkAccessibility("order paid, invoice");
        screenshots("order-paid-invoice");

        // An installer takes the job: cancelling now keeps the fee.
        String installer = login(installerEmail, PASSWORD).access();
        String offerId = awaitOffer(installer);
        assertThat(api.post("/api/v1/installer/offers/" + offerId + "/accept", null, installer).status()).isEqualTo(200);
        JsonNode scheduled = api.get("/api/v1/orders/" + orderId, customerAccess).json();
        assertThat(scheduled.path("status").asString()).isEqualTo("SCHEDULED");
        String fee = scheduled.path("cancellation").path("fee").path("amount").asString();
        String refund = scheduled.path("cancellation").path("refund").path("amount").asString();
        assertThat(new BigDecimal(fee)).isPositive();
        browser.navigate().refresh();
        waitForText(By.id("order-status"), "Installateur gebucht");
        WebElement cancel = waitFor(By.id("cancel"));
        cancel.click();
        WebElement dialog = waitFor(By.cssSelector("dialog.modal #cancel-order-form"));
        String consequence = "Eine Stornogebühr von " + euro(fee) + " wird einbehalten; " + euro(refund)
                + " werden auf Ihr Zahlungsmittel erstattet.";
        assertThat(text(dialog)).contains(consequence);
        WebElement modal = browser.findElement(By.cssSelector("dialog.modal"));
        assertThat(text(browser.findElement(By.id(modal.getAttribute("aria-describedby"))))).isEqualTo(consequence);
        assertThat(browser.switchTo().activeElement()).isEqualTo(dialog.findElement(By.cssSelector("button[type=submit]")));
        assertThat(text(dialog.findElement(By.cssSelector("button.secondary")))).isEqualTo("Bestellung behalten");
        screenshots("cancel-dialog");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("flash"), "Ihre Bestellung ist storniert. " + euro(refund) + " werden auf Ihr Zahlungsmittel erstattet.");
        waitForText(By.id("order-status"), "Storniert");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("order-title");

        // The refund in words, with its amount; the credit note joins the invoice.
        WebElement refunds = waitFor(By.id("refunds"));
        waitForText(By.cssSelector("#refunds .refund"), euro(refund));
        assertThat(text(browser.findElement(By.id("refunds-status"))))
                .isIn("Eine Erstattung ist auf dem Weg zu Ihrem Zahlungsmittel.", "Ein Teil der Zahlung wurde erstattet.");
        assertThat(text(refunds)).doesNotContain("PENDING", "SUCCEEDED", "PARTIALLY_REFUNDED");
        waitFor(By.cssSelector("#documents li[data-type=CREDIT_NOTE] button.download-doc"));
        checkAccessibility("order cancelled, refund");
        screenshots("order-cancelled-refund");
    }

    @Test
    void installerReadsEarningsAndAdminRefundsOnceWithStepUpMarksThePayoutPaidAndDownloadsTheLedger()
            throws IOException {
        double lat = ThreadLocalRandom.current().nextDouble(-50, 50);
        double lon = ThreadLocalRandom.current().nextDouble(-170, 170);
        String installerEmail = approvedInstallerAt(lat, lon, "Ertrag Solar", 50);
        String customerEmail = registerVerifiedCustomer();
        String orderId = confirmedInstallation(installerEmail, customerEmail, lat, lon);
        String reference = orderId.substring(0, 8).toUpperCase(Locale.ROOT);
        JsonNode earnings = api.get("/api/v1/installer/earnings?year=" + clock.instant().toString().substring(0, 4),
                login(installerEmail, PASSWORD).access()).json();
        JsonNode payout = earnings.path("payouts").get(0);
        assertThat(payout.path("status").asString()).isEqualTo("DUE");

        // The installer's earnings: totals, the month, the payout in words with its order reference.
        signIn(installerEmail, PASSWORD);
        open("/#/installer");
        waitFor(By.cssSelector("nav.subnav a[href='#/installer/earnings']")).click();
        WebElement row = waitFor(By.cssSelector("#earnings-payouts tr[data-payout='" + payout.path("id").asString() + "']"));
        assertThat(text(row)).contains(reference, "Due", money(payout.path("amount").path("amount").asString()),
                money(payout.path("fee").path("amount").asString()));
        assertThat(text(browser.findElement(By.id("earnings-pending")))).contains(money(payout.path("amount").path("amount").asString()));
        assertThat(browser.findElement(By.cssSelector("nav.subnav a[aria-current=page]")).getText()).isEqualTo("Earnings");
        checkAccessibility("installer earnings");
        screenshots("installer-earnings");
        Select year = new Select(browser.findElement(By.id("earnings-year")));
        year.selectByIndex(1);
        browser.findElement(By.cssSelector("#earnings-form button[type=submit]")).click();
        waitFor(By.id("earnings-no-payouts"));
        signOut();

        // The admin finds the order by the customer's email and opens its story.
        signInAsAdmin();
        open("/#/admin/orders");
        WebElement search = waitFor(By.id("order-search"));
        search.findElement(By.name("email")).sendKeys(customerEmail);
        search.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#admin-orders tbody tr"));
            return rows.size() == 1 && rows.get(0).getText().contains(customerEmail);
        });
        assertThat(text(browser.findElement(By.cssSelector("#admin-orders tbody tr")))).contains(reference, "Installed");
        checkAccessibility("admin orders");
        screenshots("admin-orders");
        browser.findElement(By.cssSelector("#admin-orders a.open-order")).click();
        WebElement refundForm = waitFor(By.id("refund-form"));
        assertThat(text(browser.findElement(By.id("story-vat")))).contains("incl. VAT 19 %");
        assertThat(text(browser.findElement(By.id("story-ledger")))).contains("Payment captured", "Payout due");
        waitFor(By.cssSelector("#story-documents button.download-doc")).click();
        waitForText(By.id("story-documents-status"), ".pdf downloaded.");

        // A refund without an amount says so next to the field; then one refund, however often it is sent.
        refundForm.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("refund-amount-error"), "Enter an amount greater than 0");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("refund-amount");
        assertThat(browser.findElement(By.id("refund-amount")).getAttribute("aria-invalid")).isEqualTo("true");
        checkAccessibility("admin order story");
        screenshots("admin-order-story");
        browser.findElement(By.id("refund-amount")).sendKeys("10.00");
        new Select(browser.findElement(By.id("refund-reason"))).selectByValue("GOODWILL");
        browser.findElement(By.id("refund-note")).sendKeys("Late appointment");
        js("arguments[0].requestSubmit(); arguments[0].requestSubmit();", refundForm);
        confirmItsYouIfAsked("is being refunded");
        waitForText(By.id("flash"), "€10.00 is being refunded");
        waitForText(By.id("story-refunds"), "€10.00");
        JsonNode story = api.get("/api/v1/admin/orders/" + orderId, adminToken()).json();
        assertThat(story.path("order").path("refunds").size()).as(story.toString()).isEqualTo(1);
        assertThat(text(browser.findElement(By.id("story-refunds")))).contains("Refund by SunDispatch")
                .doesNotContain("ADMIN", "PENDING");

        // The payout is marked paid with the bank transfer's reference.
        open("/#/admin/payouts");
        WebElement payoutRow = waitFor(By.cssSelector("#admin-payouts tr[data-payout='" + payout.path("id").asString() + "']"));
        assertThat(text(payoutRow)).contains(reference, money(payout.path("amount").path("amount").asString()));
        checkAccessibility("admin payouts");
        screenshots("admin-payouts");
        payoutRow.findElement(By.cssSelector("button.mark-paid")).click();
        WebElement markPaid = waitFor(By.cssSelector("dialog.modal #mark-paid-form"));
        markPaid.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement referenceInput = markPaid.findElement(By.name("reference"));
        waitForText(By.id(referenceInput.getAttribute("aria-describedby")), "Enter the transfer reference");
        referenceInput.sendKeys("SEPA-TEST-0001");
        screenshots("admin-mark-paid");
        markPaid.findElement(By.cssSelector("button[type=submit]")).click();
        confirmItsYouIfAsked("marked as paid");
        waitForText(By.id("flash"), "is marked as paid");
        JsonNode after = api.get("/api/v1/installer/earnings?year=" + clock.instant().toString().substring(0, 4),
                login(installerEmail, PASSWORD).access()).json().path("payouts").get(0);
        assertThat(after.path("status").asString()).isEqualTo("PAID");
        assertThat(after.path("reference").asString()).isEqualTo("SEPA-TEST-0001");

        // The ledger as CSV for the dates given.
        WebElement ledger = waitFor(By.id("ledger-form"));
        ledger.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("ledger-status"), ".csv downloaded.");
    }

    /** An order of 2 panels installed by the installer and confirmed by the customer, over the API. */
    private String confirmedInstallation(String installerEmail, String customerEmail, double lat, double lon)
            throws IOException {
        String installer = login(installerEmail, PASSWORD).access();
        String customer = login(customerEmail, PASSWORD).access();
        Api.Response placed = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId",
                createPanel(10, "99.00"), "quantity", 2)), "installation", installationAt(lat + 0.05, lon)), customer);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, customer).json()
                .path("paymentId").asString();
        assertThat(api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of("outcome", "succeeded"),
                customer).status()).isEqualTo(200);
        String jobId = api.post("/api/v1/installer/offers/" + awaitOffer(installer) + "/accept", null, installer)
                .json().path("jobId").asString();
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
        Api.Response photo = api.upload(jobs + "/photos", "photo", "roof.png", "image/png", TestImages.png(64, 48),
                installer);
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        assertThat(api.post(jobs + "/complete", Map.of("checklist", Map.of("panelsMounted", true, "inverterConnected",
                true, "systemCommissioned", true, "gridDocumentsHandedOver", true), "serialNumbers",
                List.of("ERT-1", "ERT-2"), "notes", "Done.", "photoIds", List.of(photo.json().path("photoId")
                        .asString())), installer).status()).isEqualTo(200);
        customer = login(customerEmail, PASSWORD).access();
        Api.Response confirmed = api.post("/api/v1/installations/" + jobId + "/confirm", null, customer);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String admin = adminToken();
        eventually("the payout of the confirmed order", () -> !api.get("/api/v1/admin/orders/" + orderId, admin)
                .json().path("payout").isMissingNode() && !api.get("/api/v1/admin/orders/" + orderId, admin).json()
                .path("payout").isNull());
        return orderId;
    }

    /** "1.190,00 €" as de-DE writes an amount (the browser's Intl; a no-break space before the sign). */
    private static String euro(String amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return f.format(new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY)) + " €";
    }

    /** "€1,190.00" as en-GB writes an amount. */
    private static String money(String amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return "€" + f.format(new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY));
    }

    /** An element's text with no-break spaces as plain spaces, as people read it. */
    private static String text(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private void setDateTime(WebElement input, String instant) {
        js("const d = new Date(arguments[1]); arguments[0].value = "
                + "new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);", input, instant);
    }

    private void signOut() {
        waitFor(By.id("logout")).click();
        waitFor(By.id("nav-login"));
    }

    /** The admin's step-up when the server asks for it: the password, in the "Confirm it's you" dialog. */
    private void confirmItsYouIfAsked(String flashWhenNotAsked) {
        wait.until(d -> !d.findElements(By.cssSelector("dialog.modal #reauth-form")).isEmpty()
                || d.findElement(By.id("flash")).getText().contains(flashWhenNotAsked));
        List<WebElement> dialogs = browser.findElements(By.cssSelector("dialog.modal #reauth-form"));
        if (!dialogs.isEmpty()) {
            WebElement input = dialogs.get(0).findElement(By.name("password"));
            assertThat(browser.switchTo().activeElement()).isEqualTo(input);
            input.sendKeys(ADMIN_PASSWORD);
            dialogs.get(0).findElement(By.cssSelector("button[type=submit]")).click();
        }
    }

    /**
     * Basic accessibility checks of what is on the screen: every visible form control has a name, every image an
     * alt text, no control is reachable only by a mouse, every error message is tied to its field, and no raw
     * code, enum or id is shown to people.
     */
    private void checkAccessibility(String where) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) js("""
                const problems = [];
                const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
                for (const el of document.querySelectorAll('main input, main select, main textarea, main button, dialog input, dialog button')) {
                  if (!visible(el) || el.type === 'hidden') continue;
                  const named = el.labels && el.labels.length > 0 || el.getAttribute('aria-label')
                    || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent.trim());
                  if (!named) problems.push(`${el.tagName.toLowerCase()} ${el.name || el.id || el.className} has no label`);
                  if (el.tabIndex < 0) problems.push(`${el.tagName.toLowerCase()} ${el.name || el.id} is not focusable`);
                }
                for (const err of document.querySelectorAll('main .field-error[id]')) {
                  if (!document.querySelector(`[aria-describedby~="${err.id}"]`)) problems.push(`error ${err.id} is tied to no field`);
                }
                for (const img of document.querySelectorAll('main img')) {
                  if (!img.hasAttribute('alt')) problems.push(`img ${img.src.slice(0, 40)} has no alt`);
                }
                for (const t of document.querySelectorAll('main table')) {
                  if (!t.querySelector('caption') && !t.getAttribute('aria-label') && !t.getAttribute('aria-labelledby')) problems.push(`table ${t.id} has no name`);
                }
                return problems;
                """);
        assertThat(problems).as("accessibility problems on %s", where).isEmpty();
        String page = (String) js("return document.body.innerText");
        assertThat(page).as("raw codes on %s", where).doesNotContain("REQUIRES_CONFIRMATION", "PARTIALLY_REFUNDED",
                "SUCCEEDED", "CREDIT_NOTE", "INSTALLER_PAYABLE", "PAYOUT_DUE", "undefined", "null", "NaN");
        assertThat(page).as("ids on %s", where).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}");
    }

    /** Full-page screenshots at desktop (1280x900) and phone (390x844) size, and no sideways scrolling on the phone. */
}
