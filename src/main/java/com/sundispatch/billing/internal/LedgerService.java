package com.sundispatch.billing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.billing.Ledger;

/**
 * The ledger over plain JDBC. It only ever inserts and selects: there is deliberately no update or delete
 * statement in this class, so the table stays append-only by construction.
 */
@Service
public class LedgerService implements Ledger {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String COLUMNS = "id, order_id, kind, from_account, to_account, amount, currency, "
            + "reference, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Checks first, then inserts; a concurrent twin that slipped past the check hits the unique key, and that
     * {@link DuplicateKeyException} is caught here, inside the method, so it never crosses the transactional
     * proxy and never marks the caller's transaction rollback-only. Neither MariaDB (InnoDB rolls back only the
     * failed statement) nor H2 aborts the transaction on a duplicate key, so the caller carries on.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(Movement m) {
        validate(m);
        Integer existing = jdbc.sql("select count(*) from ledger_entries where order_id = ? and kind = ? "
                + "and reference = ?").params(m.orderId(), m.kind().name(), m.reference())
                .query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        try {
            jdbc.sql("insert into ledger_entries (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), m.orderId(), m.kind().name(), m.from().name(),
                            m.kind().to().name(), m.amount(), m.currency(), m.reference(),
                            Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            // The same step ran twice at once and the other run recorded it.
            return false;
        }
    }

    private static void validate(Movement m) {
        if (m == null || m.kind() == null || m.from() == null || m.amount() == null) {
            throw new IllegalArgumentException("A movement needs a kind, an account and an amount");
        }
        if (m.orderId() == null || m.orderId().isBlank() || m.orderId().length() > 36) {
            throw new IllegalArgumentException("A movement needs an order id of at most 36 characters");
        }
        // The reference is what makes a record idempotent; without one the unique key would not hold (NULLs
        // never collide), so a retried step could book twice.
        if (m.reference() == null || m.reference().isBlank() || m.reference().length() > 100) {
            throw new IllegalArgumentException("A movement needs a reference of 1 to 100 characters");
        }
        if (m.currency() == null || !CURRENCY.matcher(m.currency()).matches()) {
            throw new IllegalArgumentException("A movement needs an ISO 4217 currency code");
        }
        if (m.amount().signum() <= 0 || m.amount().scale() != 2) {
            throw new IllegalArgumentException("A movement's amount must be positive and in cents (scale 2): "
                    + m.amount());
        }
        boolean ownSource = m.from() == m.kind().from();
        boolean refundFromPlatform = m.kind() == Kind.REFUND && m.from() == Account.PLATFORM;
        if (!ownSource && !refundFromPlatform) {
            throw new IllegalArgumentException(m.kind() + " cannot come from " + m.from());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> entriesOf(String orderId) {
        return jdbc.sql("select " + COLUMNS + " from ledger_entries where order_id = ? order by created_at, id")
                .param(orderId).query(LedgerService::entry).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> firstEntryAt() {
        return jdbc.sql("select min(created_at) from ledger_entries")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Account, BigDecimal> balances(String orderId) {
        Map<Account, BigDecimal> balances = new EnumMap<>(Account.class);
        for (Account a : Account.values()) {
            balances.put(a, BigDecimal.ZERO.setScale(2));
        }
        jdbc.sql("select to_account, sum(amount) from ledger_entries where order_id = ? group by to_account")
                .param(orderId)
                .query((rs, n) -> Map.entry(Account.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
                .list().forEach(e -> balances.merge(e.getKey(), e.getValue(), BigDecimal::add));
        jdbc.sql("select from_account, sum(amount) from ledger_entries where order_id = ? group by from_account")
                .param(orderId)
                .query((rs, n) -> Map.entry(Account.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
                .list().forEach(e -> balances.merge(e.getKey(), e.getValue(), BigDecimal::subtract));
        balances.replaceAll((a, v) -> v.setScale(2));
        return Collections.unmodifiableMap(balances);
    }

    /**
     * One page of the entries created in [{@code from}, {@code to}), in (created_at, id) order after the given
     * position (null for the first page): keyset paging, so an export never holds more than a page in memory.
     */
    @Transactional(readOnly = true)
    public List<Entry> page(Instant from, Instant to, Instant afterTime, String afterId, int size) {
        if (afterTime == null) {
            return jdbc.sql("select " + COLUMNS + " from ledger_entries where created_at >= ? and created_at < ? "
                    + "order by created_at, id limit ?")
                    .params(Timestamp.from(from), Timestamp.from(to), size).query(LedgerService::entry).list();
        }
        Timestamp after = Timestamp.from(afterTime);
        return jdbc.sql("select " + COLUMNS + " from ledger_entries where created_at >= ? and created_at < ? "
                + "and (created_at > ? or (created_at = ? and id > ?)) order by created_at, id limit ?")
                .params(Timestamp.from(from), Timestamp.from(to), after, after, afterId, size)
                .query(LedgerService::entry).list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getString("id"), rs.getString("order_id"), Kind.valueOf(rs.getString("kind")),
                Account.valueOf(rs.getString("from_account")), Account.valueOf(rs.getString("to_account")),
                rs.getBigDecimal("amount").setScale(2), rs.getString("currency"), rs.getString("reference"),
                rs.getTimestamp("created_at").toInstant());
    }
}
