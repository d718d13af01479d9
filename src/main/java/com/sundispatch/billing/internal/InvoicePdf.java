package com.sundispatch.billing.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.Invoicing.Type;
import com.sundispatch.billing.internal.DocumentContent.DocumentLine;

/**
 * Draws an invoice or credit note on A4, labelled in German and English (the seller is German). Every value is
 * drawn as a plain text chunk, so nothing a customer typed is interpreted as markup. The output depends only on
 * the document: dates and producer in the metadata come from the document, and the file identifier is derived
 * from its id and number, so downloading it again gives the same bytes.
 */
@Component
class InvoicePdf {

    private static final String PRODUCER = "SunDispatch";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
    // The standard Helvetica with WinAnsi (cp1252) encoding covers German umlauts, ß and the euro sign.
    private static final Font NORMAL = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL);
    private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);

    private final ZoneId zone;

    InvoicePdf(BillingProperties properties) {
        this.zone = properties.timeZone();
    }

    byte[] render(DocumentContent doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        fixMetadata(writer, doc);
        pdf.open();
        pdf.add(parties(doc));
        pdf.add(new Paragraph(text(doc.type() == Type.INVOICE ? "Rechnung / Invoice" : "Gutschrift / Credit note",
                TITLE)));
        pdf.add(facts(doc));
        pdf.add(lines(doc));
        pdf.add(totals(doc));
        Paragraph footer = new Paragraph(text("Alle Preise enthalten die gesetzliche Umsatzsteuer. "
                + "Prices include VAT.", SMALL));
        footer.setSpacingBefore(18);
        pdf.add(footer);
        pdf.close();
        return out.toByteArray();
    }

    /** Creation and modification dates from the issue time, a fixed producer, a file id from the document. */
    private void fixMetadata(PdfWriter writer, DocumentContent doc) {
        GregorianCalendar issued = GregorianCalendar.from(doc.issuedAt().atZone(zone));
        issued.setTimeZone(TimeZone.getTimeZone(zone));
        var info = writer.getInfo();
        info.put(PdfName.PRODUCER, new PdfString(PRODUCER));
        info.put(PdfName.CREATIONDATE, new PdfDate(issued));
        info.put(PdfName.MODDATE, new PdfDate(issued));
        info.put(PdfName.TITLE, new PdfString(doc.number()));
        byte[] id = fileId(doc);
        // The writer takes the trailer's /ID from here instead of hashing the clock and free memory.
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private static byte[] fileId(DocumentContent doc) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((doc.id() + "|" + doc.number()).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(hash, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private PdfPTable parties(DocumentContent doc) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        var s = doc.seller();
        table.addCell(block(cell(), new String[] { "Verkäufer / Seller" }, BOLD,
                new String[] { s.name(), s.address(), "USt-IdNr. / VAT ID: " + s.vatId(), s.contact() }));
        var b = doc.buyer();
        table.addCell(block(cell(), new String[] { "Käufer / Buyer" }, BOLD,
                new String[] { b.name(), b.addressLine(), b.postalCode() + " " + b.city(), b.country() }));
        table.setSpacingAfter(18);
        return table;
    }

    private PdfPTable facts(DocumentContent doc) {
        PdfPTable table = new PdfPTable(new float[] { 2, 4 });
        table.setWidthPercentage(100);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setSpacingBefore(8);
        table.setSpacingAfter(14);
        fact(table, doc.type() == Type.INVOICE ? "Rechnungsnummer / Invoice no." : "Gutschriftnummer / Credit note no.",
                doc.number());
        fact(table, "Datum / Date", DATE.format(doc.issuedOn()));
        fact(table, "Bestellung / Order", orderReference(doc.orderId()));
        if (doc.relatedNumber() != null) {
            fact(table, "Bezug / Reference", "zu Rechnung " + doc.relatedNumber());
            fact(table, "", "relates to invoice " + doc.relatedNumber());
        }
        if (doc.note() != null) {
            fact(table, "Grund / Reason", doc.note());
        }
        return table;
    }

    private static void fact(PdfPTable table, String label, String value) {
        PdfPCell l = cell();
        l.setPhrase(text(label, BOLD));
        table.addCell(l);
        PdfPCell v = cell();
        v.setPhrase(text(value, NORMAL));
        table.addCell(v);
    }

    private PdfPTable lines(DocumentContent doc) {
        PdfPTable table = new PdfPTable(new float[] { 6, 1.4f, 2.6f, 2.4f, 1.4f, 2.2f, 2.6f });
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        String[] heads = { "Beschreibung / Description", "Menge / Qty", "Einzelpreis brutto / Unit price (gross)",
            "Netto / Net", "USt. / VAT %", "USt. / VAT", "Brutto / Gross" };
        for (int i = 0; i < heads.length; i++) {
            PdfPCell h = new PdfPCell(text(heads[i], BOLD));
            h.setBorder(Rectangle.BOTTOM);
            h.setPaddingBottom(4);
            h.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            table.addCell(h);
        }
        for (DocumentLine l : doc.lines()) {
            table.addCell(left(l.description()));
            table.addCell(right(Integer.toString(l.quantity())));
            table.addCell(right(amount(l.unitGross(), doc.currency())));
            table.addCell(right(amount(l.net(), doc.currency())));
            table.addCell(right(percent(l.vatRate())));
            table.addCell(right(amount(l.vat(), doc.currency())));
            table.addCell(right(amount(l.gross(), doc.currency())));
        }
        table.setSpacingAfter(10);
        return table;
    }

    private PdfPTable totals(DocumentContent doc) {
        PdfPTable table = new PdfPTable(new float[] { 4, 2 });
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        total(table, "Summe netto / Net total", amount(doc.net(), doc.currency()), NORMAL);
        Map<BigDecimal, BigDecimal> vatByRate = new TreeMap<>();
        for (DocumentLine l : doc.lines()) {
            vatByRate.merge(l.vatRate(), l.vat(), BigDecimal::add);
        }
        vatByRate.forEach((rate, vat) -> total(table, "USt. / VAT " + percent(rate), amount(vat, doc.currency()),
                NORMAL));
        total(table, "Gesamtbetrag / Total gross", amount(doc.gross(), doc.currency()), BOLD);
        return table;
    }

    private static void total(PdfPTable table, String label, String value, Font font) {
        PdfPCell l = cell();
        l.setPhrase(text(label, font));
        table.addCell(l);
        PdfPCell v = cell();
        v.setPhrase(text(value, font));
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(v);
    }

    private static PdfPCell block(PdfPCell cell, String[] heading, Font headingFont, String[] rows) {
        Phrase p = new Phrase();
        for (String h : heading) {
            p.add(new Chunk(h + "\n", headingFont));
        }
        for (String r : rows) {
            p.add(new Chunk(r == null ? "" : r + "\n", NORMAL));
        }
        cell.setPhrase(p);
        return cell;
    }

    private static PdfPCell left(String value) {
        PdfPCell c = new PdfPCell(text(value, NORMAL));
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingTop(3);
        return c;
    }

    private static PdfPCell right(String value) {
        PdfPCell c = left(value);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    private static PdfPCell cell() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingBottom(2);
        return c;
    }

    /** A value as one plain text chunk: drawn as it is, never parsed. */
    private static Phrase text(String value, Font font) {
        return new Phrase(new Chunk(value == null ? "" : value, font));
    }

    /** The order as printed: the first eight characters of its id, upper case. */
    static String orderReference(String orderId) {
        return orderId.substring(0, Math.min(8, orderId.length())).toUpperCase(Locale.ROOT);
    }

    /** {@code 1.234,50 EUR}. */
    static String amount(BigDecimal value, String currency) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value) + " " + currency;
    }

    /** {@code 19 %}, {@code 8,1 %}. */
    static String percent(BigDecimal rate) {
        DecimalFormat f = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(rate) + " %";
    }
}
