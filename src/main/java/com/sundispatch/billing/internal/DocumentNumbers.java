package com.sundispatch.billing.internal;

import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.billing.BillingProperties;

/**
 * Gapless document numbers: one counter row per (series, year), locked and incremented in the caller's
 * transaction. The lock is held until that transaction ends, so numbers are handed out one at a time in commit
 * order, and a transaction that rolls back takes its increment with it: no gaps, no number used twice.
 */
@Component
class DocumentNumbers {

    /** A document series: the number's prefix. */
    enum Series {
        INV, CN
    }

    record DocumentNumber(Series series, int year, long sequence) {

        /** {@code INV-2026-000001}. */
        String formatted() {
            return String.format(Locale.ROOT, "%s-%04d-%06d", series.name(), year, sequence);
        }
    }

    private final JdbcClient jdbc;
    private final BillingProperties properties;

    DocumentNumbers(JdbcClient jdbc, BillingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The calendar year a document issued at {@code issuedAt} belongs to, in the billing time zone. */
    int yearOf(Instant issuedAt) {
        return issuedAt.atZone(properties.timeZone()).getYear();
    }

    /**
     * Locks the counter of (series, year of {@code issuedAt}) until the caller's transaction ends, creating it
     * when missing, and returns the last number taken. Callers that must check something before taking a number
     * (one credit note per refund) lock first, so a concurrent issuer waits for them and then sees their result.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long lock(Series series, Instant issuedAt) {
        int year = yearOf(issuedAt);
        // An upsert rather than SELECT FOR UPDATE then INSERT: two creators of a missing row would each hold a gap
        // lock that blocks the other's insert (a deadlock on InnoDB); the upsert waits on the row instead and, on
        // a duplicate, takes the row's exclusive lock directly. It changes nothing when the row exists.
        jdbc.sql("insert into document_sequences (series, doc_year, last_value) values (?, ?, 0) "
                + "on duplicate key update last_value = last_value")
                .params(series.name(), year).update();
        return jdbc.sql("select last_value from document_sequences where series = ? and doc_year = ? for update")
                .params(series.name(), year).query(Long.class).single();
    }

    /** Takes the next number of (series, year of {@code issuedAt}) in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    DocumentNumber next(Series series, Instant issuedAt) {
        int year = yearOf(issuedAt);
        long next = lock(series, issuedAt) + 1;
        jdbc.sql("update document_sequences set last_value = ? where series = ? and doc_year = ?")
                .params(next, series.name(), year).update();
        return new DocumentNumber(series, year, next);
    }
}
