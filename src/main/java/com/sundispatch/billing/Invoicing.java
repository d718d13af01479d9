package com.sundispatch.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.sundispatch.shared.Money;

/**
 * Invoices and credit notes. Issuing joins the caller's transaction and takes the next number of the document's
 * series and year from a locked counter row, so a number is consumed exactly when the payment (or refund) that
 * caused it commits: gapless and never reused. Documents are stored as data; the PDF is rendered on request.
 */
public interface Invoicing {

    enum Type {
        INVOICE, CREDIT_NOTE
    }

    /** Who is billed, as the order names the installation site. */
    record Buyer(String name, String addressLine, String postalCode, String city, String country) {
    }

    /** One line as charged: {@code gross} is what the customer paid for the line (quantity × unit price). */
    record Line(String description, int quantity, BigDecimal unitGross, BigDecimal gross) {
    }

    record InvoiceDraft(String orderId, String customerId, Buyer buyer, String currency, BigDecimal vatRate,
            List<Line> lines, Instant issuedAt) {

        public InvoiceDraft {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A credit note for a refund of {@code gross} against the order's invoice, at the invoice's VAT rate.
     * {@code reason} is a short machine word (cancelled, goodwill, ...) the document puts into words.
     */
    record CreditNoteDraft(String orderId, String customerId, String refundId, BigDecimal gross, String currency,
            String reason, Instant issuedAt) {
    }

    /** An issued document, without its lines. */
    record Document(String id, Type type, String number, String orderId, String customerId, String refundId,
            LocalDate issuedOn, BigDecimal vatRate, Money net, Money vat, Money gross) {
    }

    record Pdf(String filename, byte[] bytes) {
    }

    /** Issues the invoice of a paid order (in the caller's transaction). */
    Document issueInvoice(InvoiceDraft draft);

    /**
     * Issues the credit note of a refund (in the caller's transaction); the order must have an invoice. One per
     * refund: the same refund again returns the note already issued.
     */
    Document issueCreditNote(CreditNoteDraft draft);

    /** The order's documents, oldest first. */
    List<Document> documentsOf(String orderId);

    Optional<Document> find(String documentId);

    /** The document rendered as a PDF; empty when there is no such document. */
    Optional<Pdf> pdf(String documentId);
}
