package com.sundispatch.billing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.BillingProperties.Seller;
import com.sundispatch.billing.Invoicing.Buyer;
import com.sundispatch.billing.Invoicing.Type;
import com.sundispatch.billing.internal.DocumentContent.DocumentLine;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicePdfTest {

    private static final Seller SELLER = new Seller("SunDispatch GmbH", "Sonnenallee 1, 10115 Berlin, Germany",
            "DE123456789", "billing@sundispatch.example");

    private final InvoicePdf renderer = new InvoicePdf(new BillingProperties(Map.of("DE", new BigDecimal("19")),
            new BigDecimal("15"), BillingProperties.PayoutBasis.NET, new BigDecimal("50.00"),
            ZoneId.of("Europe/Berlin"), SELLER));

    private static DocumentContent invoice(String buyerName) {
        List<DocumentLine> lines = List.of(
                new DocumentLine(1, "Mono Black 450 W", 6, new BigDecimal("205.75"), new BigDecimal("1037.39"),
                        new BigDecimal("19"), new BigDecimal("197.11"), new BigDecimal("1234.50")),
                new DocumentLine(2, "Installation", 1, new BigDecimal("499.00"), new BigDecimal("419.33"),
                        new BigDecimal("19"), new BigDecimal("79.67"), new BigDecimal("499.00")));
        return new DocumentContent("6f1c2a7e-1111-4222-8333-444455556666", Type.INVOICE, "INV-2026-000042", null,
                "ab12cd34-9999-4888-8777-666655554444", "customer-1", null, LocalDate.of(2026, 12, 2),
                Instant.parse("2026-12-02T09:15:00Z"), "EUR", new BigDecimal("19"), new BigDecimal("1456.72"),
                new BigDecimal("276.78"), new BigDecimal("1733.50"), SELLER,
                new Buyer(buyerName, "Königsallee 12", "40212", "Düsseldorf", "DE"), lines, null);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // In reading order: the tables are drawn on a layer of their own, after the paragraphs.
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    @Test
    void anInvoiceShowsSellerBuyerNumberDateLinesAndTotals() throws IOException {
        byte[] bytes = renderer.render(invoice("Ada Lovelace"));
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(bytes);
        assertThat(text).contains("Rechnung / Invoice", "SunDispatch GmbH", "Sonnenallee 1, 10115 Berlin, Germany",
                "DE123456789", "billing@sundispatch.example", "Ada Lovelace", "Königsallee 12", "40212 Düsseldorf",
                "INV-2026-000042", "02.12.2026", "AB12CD34", "Mono Black 450 W", "205,75 EUR", "1.037,39 EUR",
                "197,11 EUR", "1.234,50 EUR", "Installation", "499,00 EUR", "419,33 EUR", "79,67 EUR",
                "1.456,72 EUR", "276,78 EUR", "1.733,50 EUR", "19 %", "Prices include VAT.");
    }

    @Test
    void aCreditNoteNamesTheInvoiceItRelatesTo() throws IOException {
        DocumentContent inv = invoice("Ada Lovelace");
        DocumentContent note = new DocumentContent("0c7f0d7e-aaaa-4bbb-8ccc-dddd00001111", Type.CREDIT_NOTE,
                "CN-2026-000007", inv.number(), inv.orderId(), inv.customerId(), "refund-1", inv.issuedOn(),
                inv.issuedAt(), "EUR", new BigDecimal("8.1"), new BigDecimal("92.51"), new BigDecimal("7.49"),
                new BigDecimal("100.00"), SELLER, inv.buyer(),
                List.of(new DocumentLine(1, "Refund for invoice INV-2026-000042", 1, new BigDecimal("100.00"),
                        new BigDecimal("92.51"), new BigDecimal("8.1"), new BigDecimal("7.49"),
                        new BigDecimal("100.00"))),
                DocumentService.reasonText("cancelled"));
        String text = text(renderer.render(note));
        assertThat(text).contains("Gutschrift / Credit note", "CN-2026-000007",
                "relates to invoice INV-2026-000042", "Refund for invoice INV-2026-000042", "8,1 %", "92,51 EUR",
                "7,49 EUR", "100,00 EUR", "Cancelled by the customer");
    }

    @Test
    void whatTheCustomerTypedIsDrawnLiterally() throws IOException {
        String text = text(renderer.render(invoice("<b>Ölçüm & Söhne</b>")));
        assertThat(text).contains("<b>Ölçüm & Söhne</b>");
    }

    @Test
    void theSameDocumentRendersToTheSameBytes() {
        byte[] first = renderer.render(invoice("Ada Lovelace"));
        byte[] second = renderer.render(invoice("Ada Lovelace"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void amountsAreWrittenTheGermanWay() {
        assertThat(InvoicePdf.amount(new BigDecimal("1234.5"), "EUR")).isEqualTo("1.234,50 EUR");
        assertThat(InvoicePdf.amount(new BigDecimal("0.01"), "EUR")).isEqualTo("0,01 EUR");
        assertThat(InvoicePdf.amount(new BigDecimal("1234567.89"), "CHF")).isEqualTo("1.234.567,89 CHF");
        assertThat(InvoicePdf.percent(new BigDecimal("8.1"))).isEqualTo("8,1 %");
        assertThat(InvoicePdf.percent(new BigDecimal("19.00"))).isEqualTo("19 %");
        assertThat(InvoicePdf.orderReference("ab12cd34-9999")).isEqualTo("AB12CD34");
    }
}
