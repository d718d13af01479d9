package com.sundispatch.billing.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.Ledger.Entry;
import com.sundispatch.shared.ApiException;

/** The ledger as a CSV download for the accountant, written page by page (RFC 4180, CRLF line ends). */
@Component
public class LedgerCsv {

    static final String HEADER = "entry_id,created_at,order_id,kind,from_account,to_account,amount,currency,"
            + "reference\r\n";
    static final int PAGE_SIZE = 500;
    private static final long MAX_DAYS = 366;

    /** The validated date range, as instants: [start of {@code from}, start of the day after {@code to}). */
    public record Range(LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    private final LedgerService ledger;
    private final ZoneId zone;

    LedgerCsv(LedgerService ledger, BillingProperties properties) {
        this.ledger = ledger;
        this.zone = properties.timeZone();
    }

    /**
     * Checks the range before anything is streamed, so a bad one is a 400 problem and not a broken download:
     * {@code to} not before {@code from}, at most 366 days inclusive.
     */
    public Range range(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ApiException.validation(from == null ? "from" : "to", "must be a date (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw ApiException.validation("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ApiException.validation("to", "the range must be at most " + MAX_DAYS + " days");
        }
        return new Range(from, to, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone)
                .toInstant());
    }

    /** Writes the header and every entry of the range; returns how many entries were written. */
    public long write(Range range, Writer out) throws IOException {
        out.write(HEADER);
        long written = 0;
        Instant afterTime = null;
        String afterId = null;
        while (true) {
            List<Entry> page = ledger.page(range.start(), range.end(), afterTime, afterId, PAGE_SIZE);
            for (Entry e : page) {
                out.write(line(e));
            }
            written += page.size();
            if (page.size() < PAGE_SIZE) {
                out.flush();
                return written;
            }
            Entry last = page.get(page.size() - 1);
            afterTime = last.createdAt();
            afterId = last.id();
        }
    }

    static String line(Entry e) {
        return String.join(",", cell(e.id()), cell(e.createdAt().toString()), cell(e.orderId()),
                cell(e.kind().name()), cell(e.from().name()), cell(e.to().name()), cell(e.amount().toPlainString()),
                cell(e.currency()), cell(e.reference())) + "\r\n";
    }

    /**
     * One cell: a value a spreadsheet would run as a formula gets a leading {@code '} (OWASP CSV injection), then
     * RFC 4180 quoting when it holds a comma, quote or line break. Amounts are positive, so none is touched.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
