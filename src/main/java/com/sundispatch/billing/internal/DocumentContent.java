package com.sundispatch.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.sundispatch.billing.BillingProperties.Seller;
import com.sundispatch.billing.Invoicing.Buyer;
import com.sundispatch.billing.Invoicing.Type;

/**
 * Everything an issued document says, as stored: the seller as it was when the document was issued, the buyer,
 * the lines and the totals. The PDF is drawn from this alone, so it comes out the same every time.
 */
record DocumentContent(String id, Type type, String number, String relatedNumber, String orderId,
        String customerId, String refundId, LocalDate issuedOn, Instant issuedAt, String currency,
        BigDecimal vatRate, BigDecimal net, BigDecimal vat, BigDecimal gross, Seller seller, Buyer buyer,
        List<DocumentLine> lines, String note) {

    DocumentContent {
        lines = List.copyOf(lines);
    }

    /** One stored line: what was charged and its split at the line's rate. */
    record DocumentLine(int lineNo, String description, int quantity, BigDecimal unitGross, BigDecimal net,
            BigDecimal vatRate, BigDecimal vat, BigDecimal gross) {
    }
}
