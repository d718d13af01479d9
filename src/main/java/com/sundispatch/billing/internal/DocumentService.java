package com.sundispatch.billing.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.BillingProperties.Seller;
import com.sundispatch.billing.Invoicing;
import com.sundispatch.billing.Vat;
import com.sundispatch.billing.internal.DocumentContent.DocumentLine;
import com.sundispatch.billing.internal.DocumentNumbers.DocumentNumber;
import com.sundispatch.billing.internal.DocumentNumbers.Series;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.Money;

/**
 * Invoices and credit notes stored as data. Issuing runs in the caller's transaction (the payment or refund that
 * causes the document), so the document and its number exist exactly when that commits.
 */
@Service
class DocumentService implements Invoicing {

    private static final String COLUMNS = "id, doc_type, doc_number, order_id, customer_id, refund_id, "
            + "related_number, issued_on, issued_at, currency, vat_rate, net_total, vat_total, gross_total, "
            + "seller_name, seller_address, seller_vat_id, seller_contact, buyer_name, buyer_address_line, "
            + "buyer_postal_code, buyer_city, buyer_country, note";

    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final InvoicePdf renderer;
    private final BillingProperties properties;

    DocumentService(JdbcClient jdbc, DocumentNumbers numbers, InvoicePdf renderer, BillingProperties properties) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.renderer = renderer;
        this.properties = properties;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Document issueInvoice(InvoiceDraft draft) {
        if (draft.lines().isEmpty()) {
            throw new IllegalArgumentException("An invoice needs at least one line");
        }
        List<DocumentLine> lines = new ArrayList<>();
        Vat.Split total = Vat.Split.zero(draft.vatRate());
        for (Line line : draft.lines()) {
            if (line.quantity() <= 0 || line.gross().signum() < 0) {
                throw new IllegalArgumentException("Invoice lines need a positive quantity and no negative amount");
            }
            Vat.Split split = Vat.split(line.gross(), draft.vatRate());
            total = total.plus(split);
            lines.add(new DocumentLine(lines.size() + 1, clip(line.description(), 200), line.quantity(),
                    Vat.cents(line.unitGross()), split.net(), draft.vatRate(), split.vat(), split.gross()));
        }
        DocumentNumber number = numbers.next(Series.INV, draft.issuedAt());
        DocumentContent content = new DocumentContent(UUID.randomUUID().toString(), Type.INVOICE,
                number.formatted(), null, draft.orderId(), draft.customerId(), null, issuedOn(draft.issuedAt()),
                draft.issuedAt(), draft.currency(), draft.vatRate(), total.net(), total.vat(), total.gross(),
                properties.seller(), draft.buyer(), lines, null);
        insert(content, number);
        return summary(content);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Document issueCreditNote(CreditNoteDraft draft) {
        if (draft.gross().signum() <= 0) {
            throw new IllegalArgumentException("A credit note needs a positive amount");
        }
        // Locked before the check: a second issuer for the same refund waits, then finds the note issued.
        numbers.lock(Series.CN, draft.issuedAt());
        Optional<DocumentContent> existing = jdbc.sql("select " + COLUMNS + " from billing_documents "
                + "where refund_id = ? for update").param(draft.refundId()).query(this::content).optional();
        if (existing.isPresent()) {
            return summary(existing.get());
        }
        DocumentContent invoice = invoiceOf(draft.orderId()).orElseThrow(() -> ApiException.conflict(
                "invalid_state", "The order has no invoice to credit."));
        String description = "Refund for invoice " + invoice.number();
        Vat.Split split = Vat.split(draft.gross(), invoice.vatRate());
        DocumentLine line = new DocumentLine(1, description, 1, split.gross(), split.net(), invoice.vatRate(),
                split.vat(), split.gross());
        DocumentNumber number = numbers.next(Series.CN, draft.issuedAt());
        DocumentContent content = new DocumentContent(UUID.randomUUID().toString(), Type.CREDIT_NOTE,
                number.formatted(), invoice.number(), draft.orderId(), invoice.customerId(), draft.refundId(),
                issuedOn(draft.issuedAt()), draft.issuedAt(), invoice.currency(), invoice.vatRate(), split.net(),
                split.vat(), split.gross(), properties.seller(), invoice.buyer(), List.of(line),
                reasonText(draft.reason()));
        insert(content, number);
        return summary(content);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Document> documentsOf(String orderId) {
        return jdbc.sql("select " + COLUMNS + " from billing_documents where order_id = ? "
                + "order by issued_at, case when doc_type = 'INVOICE' then 0 else 1 end, doc_year, sequence_no")
                .param(orderId).query(this::content).list().stream()
                .map(DocumentService::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Document> find(String documentId) {
        return load(documentId).map(DocumentService::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Pdf> pdf(String documentId) {
        return load(documentId).map(c -> new Pdf(c.number() + ".pdf", renderer.render(c)));
    }

    /** The whole document with its lines. */
    @Transactional(readOnly = true)
    Optional<DocumentContent> load(String documentId) {
        return jdbc.sql("select " + COLUMNS + " from billing_documents where id = ?").param(documentId)
                .query(this::content).optional().map(this::withLines);
    }

    private Optional<DocumentContent> invoiceOf(String orderId) {
        return jdbc.sql("select " + COLUMNS + " from billing_documents where order_id = ? and doc_type = ? "
                + "order by issued_at").params(orderId, Type.INVOICE.name())
                .query(this::content).list().stream().findFirst();
    }

    private void insert(DocumentContent c, DocumentNumber number) {
        Seller s = c.seller();
        Buyer b = c.buyer();
        jdbc.sql("insert into billing_documents (id, doc_type, doc_number, series, doc_year, sequence_no, order_id, "
                + "customer_id, refund_id, related_number, issued_on, issued_at, currency, vat_rate, net_total, "
                + "vat_total, gross_total, seller_name, seller_address, seller_vat_id, seller_contact, buyer_name, "
                + "buyer_address_line, buyer_postal_code, buyer_city, buyer_country, note) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.type().name(), c.number(), number.series().name(), number.year(),
                        number.sequence(), c.orderId(), c.customerId(), c.refundId(), c.relatedNumber(),
                        Date.valueOf(c.issuedOn()), Timestamp.from(c.issuedAt()), c.currency(), c.vatRate(),
                        c.net(), c.vat(), c.gross(), clip(s.name(), 200), clip(s.address(), 500),
                        clip(s.vatId(), 40), clip(s.contact(), 200), clip(b.name(), 200),
                        clip(b.addressLine(), 200), clip(b.postalCode(), 12), clip(b.city(), 100),
                        clip(b.country(), 2), c.note())
                .update();
        for (DocumentLine l : c.lines()) {
            jdbc.sql("insert into billing_document_lines (document_id, line_no, description, quantity, unit_gross, "
                    + "net, vat_rate, vat, gross) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(c.id(), l.lineNo(), l.description(), l.quantity(), l.unitGross(), l.net(), l.vatRate(),
                            l.vat(), l.gross())
                    .update();
        }
    }

    private DocumentContent withLines(DocumentContent c) {
        List<DocumentLine> lines = jdbc.sql("select line_no, description, quantity, unit_gross, net, vat_rate, vat, "
                + "gross from billing_document_lines where document_id = ? order by line_no").param(c.id())
                .query((rs, n) -> new DocumentLine(rs.getInt("line_no"), rs.getString("description"),
                        rs.getInt("quantity"), money(rs, "unit_gross"), money(rs, "net"), rate(rs, "vat_rate"),
                        money(rs, "vat"), money(rs, "gross")))
                .list();
        return new DocumentContent(c.id(), c.type(), c.number(), c.relatedNumber(), c.orderId(), c.customerId(),
                c.refundId(), c.issuedOn(), c.issuedAt(), c.currency(), c.vatRate(), c.net(), c.vat(), c.gross(),
                c.seller(), c.buyer(), lines, c.note());
    }

    /** A document row without its lines. */
    private DocumentContent content(ResultSet rs, int row) throws SQLException {
        return new DocumentContent(rs.getString("id"), Type.valueOf(rs.getString("doc_type")),
                rs.getString("doc_number"), rs.getString("related_number"), rs.getString("order_id"),
                rs.getString("customer_id"), rs.getString("refund_id"), rs.getObject("issued_on", LocalDate.class),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("currency").trim(), rate(rs, "vat_rate"),
                money(rs, "net_total"), money(rs, "vat_total"), money(rs, "gross_total"),
                new Seller(rs.getString("seller_name"), rs.getString("seller_address"), rs.getString("seller_vat_id"),
                        rs.getString("seller_contact")),
                new Buyer(rs.getString("buyer_name"), rs.getString("buyer_address_line"),
                        rs.getString("buyer_postal_code"), rs.getString("buyer_city"),
                        rs.getString("buyer_country").trim()),
                List.of(), rs.getString("note"));
    }

    private static Document summary(DocumentContent c) {
        return new Document(c.id(), c.type(), c.number(), c.orderId(), c.customerId(), c.refundId(), c.issuedOn(),
                c.vatRate(), Money.of(c.net(), c.currency()), Money.of(c.vat(), c.currency()),
                Money.of(c.gross(), c.currency()));
    }

    private LocalDate issuedOn(Instant issuedAt) {
        return issuedAt.atZone(properties.timeZone()).toLocalDate();
    }

    /**
     * The refund's reason as the credit note states it, in both languages of the document. Orders pass the name
     * of its refund reason; the lower-case words are accepted too.
     */
    static String reasonText(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "CANCELLED", "cancelled" -> "Stornierung durch den Kunden / Cancelled by the customer";
            case "CANCELLED_BY_ADMIN", "cancelled_by_admin" -> "Stornierung / Order cancelled";
            case "LATE_PAYMENT", "late_payment" -> "Zahlung nach Stornierung / Payment after cancellation";
            case "ADMIN", "admin", "goodwill" -> "Kulanz oder Korrektur / Goodwill or correction";
            default -> "Erstattung / Refund";
        };
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        return Vat.cents(rs.getBigDecimal(column));
    }

    /** Rates as configured (19, 8.1), not as the column's scale shows them (19.00, 8.10). */
    private static BigDecimal rate(ResultSet rs, String column) throws SQLException {
        BigDecimal r = rs.getBigDecimal(column).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /**
     * Fits a value into its column. The order validated these fields already; a longer value is cut rather than
     * failing the payment that issues the document.
     */
    private static String clip(String value, int max) {
        String v = value == null ? "" : value.strip();
        return v.length() <= max ? v : v.substring(0, max);
    }
}
