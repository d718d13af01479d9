package com.sundispatch.billing.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
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

    /** The year of each series' guard row, which no document ever has. */
    private static final int GUARD_YEAR = 0;

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
        // A plain read takes no lock: only a counter already committed is locked directly (a record lock).
        boolean exists = jdbc.sql("select count(*) from document_sequences where series = ? and doc_year = ?")
                .params(series.name(), year).query(Integer.class).single() > 0;
        if (!exists) {
            create(series, year);
        }
        return jdbc.sql("select last_value from document_sequences where series = ? and doc_year = ? for update")
                .params(series.name(), year).query(Long.class).single();
    }

    /**
     * Creates the counter of a new year, one creator at a time. Creators queue on the series' guard row (year 0)
     * and check again once they hold it. Without the queue, two creators' locking reads of the missing row would
     * each hold a gap lock that blocks the other's insert, and when a creator rolls back, the transactions
     * waiting on its row would do the same: a deadlock on InnoDB that would fail the caller's payment.
     */
    private void create(Series series, int year) {
        if (lockGuard(series).isEmpty()) {
            insertIgnoringDuplicate(series, GUARD_YEAR);
            lockGuard(series).orElseThrow();
        }
        boolean created = !jdbc.sql("select last_value from document_sequences where series = ? and doc_year = ? "
                + "for update").params(series.name(), year).query(Long.class).list().isEmpty();
        if (!created) {
            jdbc.sql("insert into document_sequences (series, doc_year, last_value) values (?, ?, 0)")
                    .params(series.name(), year).update();
        }
    }

    private Optional<Long> lockGuard(Series series) {
        return jdbc.sql("select last_value from document_sequences where series = ? and doc_year = ? for update")
                .params(series.name(), GUARD_YEAR).query(Long.class).optional();
    }

    /**
     * The guard rows exist before the first document is issued: created on start, each in its own statement,
     * so no payment's transaction ever has to insert one.
     */
    @EventListener(ApplicationReadyEvent.class)
    void createGuards() {
        for (Series series : Series.values()) {
            insertIgnoringDuplicate(series, GUARD_YEAR);
        }
    }

    private void insertIgnoringDuplicate(Series series, int year) {
        boolean present = jdbc.sql("select count(*) from document_sequences where series = ? and doc_year = ?")
                .params(series.name(), year).query(Integer.class).single() > 0;
        if (present) {
            return;
        }
        try {
            jdbc.sql("insert into document_sequences (series, doc_year, last_value) values (?, ?, 0)")
                    .params(series.name(), year).update();
        } catch (DuplicateKeyException e) {
            // Another instance created it at the same moment: it exists, which is all that is needed.
            return;
        }
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
