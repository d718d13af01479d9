package com.sundispatch.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.billing.Ledger.Account;
import com.sundispatch.billing.Ledger.Entry;
import com.sundispatch.billing.Ledger.Kind;
import com.sundispatch.billing.Ledger.Movement;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerIT extends IntegrationTest {

    @Autowired
    private Ledger ledger;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    private TransactionTemplate tx() {
        return new TransactionTemplate(transactions);
    }

    private boolean record(Movement m) {
        return Boolean.TRUE.equals(tx().execute(s -> ledger.record(m)));
    }

    private static String order() {
        return UUID.randomUUID().toString();
    }

    private int rows(String orderId) {
        Integer n = jdbc.queryForObject("select count(*) from ledger_entries where order_id = ?", Integer.class,
                orderId);
        return n == null ? 0 : n;
    }

    @Test
    void theSameOrderKindAndReferenceIsRecordedOnce() {
        String order = order();
        Movement capture = Movement.of(order, Kind.CAPTURE, new BigDecimal("1190.00"), "EUR", "payment-1");

        assertThat(record(capture)).isTrue();
        assertThat(record(capture)).isFalse();
        assertThat(record(Movement.of(order, Kind.CAPTURE, new BigDecimal("5.00"), "EUR", "payment-1"))).isFalse();

        assertThat(rows(order)).isEqualTo(1);
        List<Entry> entries = ledger.entriesOf(order);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.CAPTURE);
            assertThat(e.from()).isEqualTo(Account.CUSTOMER);
            assertThat(e.to()).isEqualTo(Account.HELD);
            assertThat(e.amount()).isEqualTo(new BigDecimal("1190.00"));
            assertThat(e.reference()).isEqualTo("payment-1");
        });
        // Another reference or another kind is another movement.
        assertThat(record(Movement.of(order, Kind.CAPTURE, new BigDecimal("1.00"), "EUR", "payment-2"))).isTrue();
        assertThat(record(Movement.of(order, Kind.REFUND, new BigDecimal("1.00"), "EUR", "payment-2"))).isTrue();
        assertThat(rows(order)).isEqualTo(3);
    }

    @Test
    void amountsMustBePositiveCentsAndComeFromTheKindsOwnAccount() {
        String order = order();
        for (String bad : new String[] { "0.00", "-1.00", "1.5", "1.005", "10" }) {
            assertThatThrownBy(() -> record(Movement.of(order, Kind.CAPTURE, new BigDecimal(bad), "EUR", "p")))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> record(new Movement(order, Kind.VAT, Account.PLATFORM, new BigDecimal("1.00"),
                "EUR", "p"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record(new Movement(order, Kind.CAPTURE, Account.HELD, new BigDecimal("1.00"),
                "EUR", "p"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record(Movement.of(order, Kind.CAPTURE, new BigDecimal("1.00"), "EUR", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rows(order)).isZero();

        // A refund after the payout is paid from the platform's own money.
        assertThat(record(new Movement(order, Kind.REFUND, Account.PLATFORM, new BigDecimal("20.00"), "EUR",
                "refund-1"))).isTrue();
        assertThat(ledger.entriesOf(order)).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(Account.PLATFORM);
            assertThat(e.to()).isEqualTo(Account.CUSTOMER);
        });
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> ledger.record(Movement.of(order(), Kind.CAPTURE, new BigDecimal("1.00"), "EUR",
                "p"))).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void balancesAreMoneyInMinusMoneyOutPerAccount() {
        String order = order();
        tx().executeWithoutResult(s -> {
            ledger.record(Movement.of(order, Kind.CAPTURE, new BigDecimal("1190.00"), "EUR", "pay"));
            ledger.record(Movement.of(order, Kind.VAT, new BigDecimal("190.00"), "EUR", "payout"));
            ledger.record(Movement.of(order, Kind.PLATFORM_FEE, new BigDecimal("150.00"), "EUR", "payout"));
            ledger.record(Movement.of(order, Kind.PAYOUT_DUE, new BigDecimal("850.00"), "EUR", "payout"));
            ledger.record(Movement.of(order, Kind.PAYOUT_PAID, new BigDecimal("850.00"), "EUR", "payout"));
        });

        Map<Account, BigDecimal> b = ledger.balances(order);

        assertThat(b).containsEntry(Account.CUSTOMER, new BigDecimal("-1190.00"))
                .containsEntry(Account.HELD, new BigDecimal("0.00"))
                .containsEntry(Account.TAX, new BigDecimal("190.00"))
                .containsEntry(Account.PLATFORM, new BigDecimal("150.00"))
                .containsEntry(Account.INSTALLER_PAYABLE, new BigDecimal("0.00"))
                .containsEntry(Account.INSTALLER, new BigDecimal("850.00"));
        assertThat(b.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0");
        assertThat(ledger.balances(order())).allSatisfy((a, v) -> assertThat(v).isEqualTo(new BigDecimal("0.00")));
    }

    @Test
    void balancesOfARandomMixOfMovementsEqualAModelRecomputedFromTheEntries() {
        Random random = new Random(42);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(order());
        }
        Map<String, Map<Account, BigDecimal>> model = new HashMap<>();
        Set<String> recorded = new HashSet<>();
        int expectedRows = 0;
        for (int i = 0; i < 500; i++) {
            String order = orders.get(random.nextInt(orders.size()));
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            Account from = kind == Kind.REFUND && random.nextBoolean() ? Account.PLATFORM : kind.from();
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(1, 1_000_000), 2);
            // Few references per kind, so a good share of the mix are retries that must not book.
            String reference = "ref-" + random.nextInt(8);
            Movement m = new Movement(order, kind, from, amount, "EUR", reference);
            boolean fresh = recorded.add(order + "|" + kind + "|" + reference);

            assertThat(record(m)).as("movement %d", i).isEqualTo(fresh);
            if (fresh) {
                expectedRows++;
                Map<Account, BigDecimal> balances = model.computeIfAbsent(order, o -> zeros());
                balances.merge(from, amount, BigDecimal::subtract);
                balances.merge(kind.to(), amount, BigDecimal::add);
            }
        }

        int actualRows = 0;
        for (String order : orders) {
            Map<Account, BigDecimal> expected = model.getOrDefault(order, zeros());
            assertThat(ledger.balances(order)).as(order).isEqualTo(expected);
            List<Entry> entries = ledger.entriesOf(order);
            actualRows += entries.size();
            Map<Account, BigDecimal> fromEntries = zeros();
            for (Entry e : entries) {
                fromEntries.merge(e.from(), e.amount(), BigDecimal::subtract);
                fromEntries.merge(e.to(), e.amount(), BigDecimal::add);
            }
            assertThat(fromEntries).as(order).isEqualTo(expected);
        }
        assertThat(actualRows).isEqualTo(expectedRows);
    }

    private static Map<Account, BigDecimal> zeros() {
        Map<Account, BigDecimal> m = new EnumMap<>(Account.class);
        for (Account a : Account.values()) {
            m.put(a, new BigDecimal("0.00"));
        }
        return m;
    }

    @Test
    void aDuplicateInsideATransactionLeavesTheTransactionUsable() {
        String order = order();
        AtomicBoolean rollbackOnly = new AtomicBoolean(true);
        tx().executeWithoutResult(s -> {
            assertThat(ledger.record(Movement.of(order, Kind.CAPTURE, new BigDecimal("10.00"), "EUR", "p"))).isTrue();
            assertThat(ledger.record(Movement.of(order, Kind.CAPTURE, new BigDecimal("10.00"), "EUR", "p")))
                    .isFalse();
            assertThat(ledger.record(Movement.of(order, Kind.VAT, new BigDecimal("1.60"), "EUR", "p"))).isTrue();
            rollbackOnly.set(s.isRollbackOnly());
        });
        assertThat(rollbackOnly).isFalse();
        assertThat(rows(order)).isEqualTo(2);
    }

    /**
     * The race the check cannot see: another transaction commits the movement after this one took its snapshot
     * (repeatable read), so the check finds nothing and the insert hits the unique key. The transaction still
     * commits its other work.
     */
    @Test
    void aConcurrentTwinHittingTheUniqueKeyLeavesTheTransactionUsable() throws Exception {
        String order = order();
        Movement capture = Movement.of(order, Kind.CAPTURE, new BigDecimal("10.00"), "EUR", "p");
        TransactionTemplate snapshot = tx();
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        AtomicBoolean rollbackOnly = new AtomicBoolean(true);
        List<Boolean> outcomes = new ArrayList<>();
        snapshot.executeWithoutResult(s -> {
            jdbc.queryForObject("select count(*) from ledger_entries where order_id = ?", Integer.class, order);
            // The twin runs on its own thread and connection, and commits first.
            Thread twin = new Thread(() -> outcomes.add(record(capture)));
            twin.start();
            try {
                twin.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            outcomes.add(ledger.record(capture));
            outcomes.add(ledger.record(Movement.of(order, Kind.VAT, new BigDecimal("1.60"), "EUR", "p")));
            rollbackOnly.set(s.isRollbackOnly());
        });
        assertThat(outcomes).containsExactly(true, false, true);
        assertThat(rollbackOnly).isFalse();
        assertThat(rows(order)).isEqualTo(2);
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(java.time.Instant.now(), ZoneId.of("Europe/Berlin"));
    }

    @Test
    void csvExportQuotesCellsAndDefusesFormulas() {
        String order = order();
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        tx().executeWithoutResult(s -> {
            ledger.record(Movement.of(order, Kind.CAPTURE, new BigDecimal("1190.00"), "EUR", "pay, 1"));
            ledger.record(Movement.of(order, Kind.REFUND, new BigDecimal("10.00"), "EUR", formula));
            ledger.record(Movement.of(order, Kind.CANCELLATION_FEE, new BigDecimal("50.00"), "EUR", "@SUM(A1)"));
        });
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));

        Api.Response r = api.get("/api/v1/admin/ledger.csv?from=" + today.minusDays(1) + "&to=" + today,
                adminToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"ledger-" + today.minusDays(1)
                + "-" + today + ".csv\"");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        String[] lines = r.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(
                "entry_id,created_at,order_id,kind,from_account,to_account,amount,currency,reference");
        List<String> mine = java.util.Arrays.stream(lines).filter(l -> l.contains(order)).toList();
        assertThat(mine).hasSize(3);
        assertThat(mine).anySatisfy(l -> assertThat(l).endsWith(
                ",CAPTURE,CUSTOMER,HELD,1190.00,EUR,\"pay, 1\""));
        assertThat(mine).anySatisfy(l -> assertThat(l).endsWith(
                ",REFUND,HELD,CUSTOMER,10.00,EUR,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""));
        assertThat(mine).anySatisfy(l -> assertThat(l).endsWith(",CANCELLATION_FEE,HELD,PLATFORM,50.00,EUR,'@SUM(A1)"));
        assertThat(mine).allSatisfy(l -> assertThat(l.split(",")[1]).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void csvExportOfAnEmptyRangeIsJustTheHeader() {
        Api.Response r = api.get("/api/v1/admin/ledger.csv?from=2001-01-01&to=2001-12-31", adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(
                "entry_id,created_at,order_id,kind,from_account,to_account,amount,currency,reference\r\n");
    }

    @Test
    void csvExportRefusesBackwardsLongOrMissingRanges() {
        String admin = adminToken();
        LocalDate today = today();
        for (String query : new String[] { "from=" + today + "&to=" + today.minusDays(1),
                "from=" + today.minusDays(366) + "&to=" + today, "from=" + today, "to=" + today,
                "from=yesterday&to=" + today }) {
            Api.Response r = api.get("/api/v1/admin/ledger.csv?" + query, admin);
            assertThat(r.status()).as(query + " " + r).isEqualTo(400);
            assertThat(r.code()).as(query).isIn("validation_failed", "bad_request");
        }
        // 366 days inclusive is the most one file holds (a leap year).
        assertThat(api.get("/api/v1/admin/ledger.csv?from=2024-01-01&to=2024-12-31", admin).status())
                .isEqualTo(200);
    }
}
