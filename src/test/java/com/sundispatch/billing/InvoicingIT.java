package com.sundispatch.billing;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.billing.Invoicing.Buyer;
import com.sundispatch.billing.Invoicing.CreditNoteDraft;
import com.sundispatch.billing.Invoicing.Document;
import com.sundispatch.billing.Invoicing.InvoiceDraft;
import com.sundispatch.billing.Invoicing.Line;
import com.sundispatch.billing.Invoicing.Type;
import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.shared.ApiException;
import com.sundispatch.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invoices and credit notes through the {@link Invoicing} bean, their numbers, and their downloads. */
class InvoicingIT extends DispatchFixtures {

    private static final Buyer BUYER = new Buyer("Ada Lovelace", "Unter den Linden 1", "10117", "Berlin", "DE");

    @Autowired
    private Invoicing invoicing;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    private TransactionTemplate tx() {
        return new TransactionTemplate(transactions);
    }

    private record Customer(String access, String id) {
    }

    private Customer customer() {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        return new Customer(access, api.get("/api/v1/me", access).json().path("id").asString());
    }

    private static InvoiceDraft draft(String orderId, String customerId, Instant issuedAt) {
        return new InvoiceDraft(orderId, customerId, BUYER, "EUR", new BigDecimal("19"), List.of(
                new Line("Mono Black 450 W", 6, new BigDecimal("205.75"), new BigDecimal("1234.50")),
                new Line("Installation", 1, new BigDecimal("499.00"), new BigDecimal("499.00"))), issuedAt);
    }

    private Document issue(InvoiceDraft draft) {
        return tx().execute(s -> invoicing.issueInvoice(draft));
    }

    /** The last number taken in (series, year), 0 before the first. */
    private long lastNumber(String series, int year) {
        List<Long> last = jdbc.queryForList("select last_value from document_sequences where series = ? and "
                + "doc_year = ?", Long.class, series, year);
        return last.isEmpty() ? 0 : last.get(0);
    }

    private static String number(String series, int year, long n) {
        return String.format("%s-%d-%06d", series, year, n);
    }

    @Test
    void anInvoiceIsSplitPerLineAndTotalledFromTheLines() {
        String customerId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int year = now.atZone(ZoneId.of("Europe/Berlin")).getYear();
        long before = lastNumber("INV", year);
        Document d = issue(draft(orderId, customerId, now));
        assertThat(d.type()).isEqualTo(Type.INVOICE);
        assertThat(d.number()).isEqualTo(number("INV", year, before + 1));
        // 1234.50 -> 1037.39 + 197.11; 499.00 -> 419.33 + 79.67
        assertThat(d.net().amount()).isEqualTo("1456.72");
        assertThat(d.vat().amount()).isEqualTo("276.78");
        assertThat(d.gross().amount()).isEqualTo("1733.50");
        assertThat(d.vatRate()).isEqualByComparingTo("19");
        assertThat(invoicing.find(d.id())).contains(d);
        assertThat(invoicing.documentsOf(orderId)).containsExactly(d);
        assertThat(jdbc.queryForList("select net from billing_document_lines where document_id = ? order by line_no",
                BigDecimal.class, d.id())).containsExactly(new BigDecimal("1037.39"), new BigDecimal("419.33"));
        assertThat(jdbc.queryForObject("select seller_name from billing_documents where id = ?", String.class,
                d.id())).isEqualTo("SunDispatch GmbH");
    }

    @Test
    void issuingOutsideATransactionIsRefused() {
        InvoiceDraft draft = draft(UUID.randomUUID().toString(), UUID.randomUUID().toString(), clock.instant());
        assertThatThrownBy(() -> invoicing.issueInvoice(draft)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(invoicing.documentsOf(draft.orderId())).isEmpty();
    }

    @Test
    void concurrentIssuersWithRollbacksLeaveNoGapsAndNoDuplicates() throws Exception {
        // A year of its own, so only this test's invoices count.
        Instant issuedAt = Instant.parse("2041-06-01T10:00:00Z");
        long before = lastNumber("INV", 2041);
        int total = 40;
        List<Future<Boolean>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < total; i++) {
                boolean rollBack = i % 5 == 2;
                InvoiceDraft draft = draft(UUID.randomUUID().toString(), UUID.randomUUID().toString(), issuedAt);
                results.add(pool.submit(() -> tx().execute(s -> {
                    invoicing.issueInvoice(draft);
                    if (rollBack) {
                        // The payment failed after the number was taken: the number must go back.
                        s.setRollbackOnly();
                    }
                    return !rollBack;
                })));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        long committed = 0;
        for (Future<Boolean> f : results) {
            committed += f.get() ? 1 : 0;
        }
        assertThat(committed).isEqualTo(32);
        List<Long> sequence = jdbc.queryForList("select sequence_no from billing_documents where series = 'INV' "
                + "and doc_year = 2041 order by sequence_no", Long.class);
        assertThat(sequence).containsExactlyElementsOf(
                LongStream.rangeClosed(before + 1, before + committed).boxed().toList());
        List<String> numbers = jdbc.queryForList("select doc_number from billing_documents where series = 'INV' "
                + "and doc_year = 2041 order by sequence_no", String.class);
        assertThat(numbers).doesNotHaveDuplicates().first().isEqualTo(number("INV", 2041, before + 1));
        assertThat(lastNumber("INV", 2041)).isEqualTo(before + committed);
    }

    @Test
    void whenTheIssuerThatCreatedANewYearsCounterRollsBackTheWaitingIssuersStillCommitInOrder() throws Exception {
        Instant issuedAt = Instant.parse("2042-03-01T10:00:00Z");
        long before = lastNumber("INV", 2042);
        CountDownLatch othersWaiting = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = pool.submit(() -> tx().executeWithoutResult(s -> {
                invoicing.issueInvoice(draft(UUID.randomUUID().toString(), UUID.randomUUID().toString(), issuedAt));
                await(othersWaiting);
                s.setRollbackOnly();
            }));
            eventually("the first issuer created the year's counter", () -> counterExistsUncommitted(2042));
            List<Future<Document>> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(pool.submit(() -> issue(draft(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                        issuedAt))));
            }
            eventually("three issuers wait for the first",
                    () -> waitingTransactions() >= 3 || others.stream().anyMatch(Future::isDone));
            for (Future<Document> f : others) {
                if (f.isDone()) {
                    f.get();
                }
            }
            assertThat(others).as("issuers that did not wait for the first").noneMatch(Future::isDone);
            othersWaiting.countDown();
            first.get(30, TimeUnit.SECONDS);
            List<Long> taken = new ArrayList<>();
            for (Future<Document> f : others) {
                taken.add(Long.parseLong(f.get(30, TimeUnit.SECONDS).number().substring(9)));
            }
            assertThat(taken).containsExactlyInAnyOrder(before + 1, before + 2, before + 3);
        } finally {
            othersWaiting.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The counter row of (INV, year) exists, committed or not: a dirty read. */
    private boolean counterExistsUncommitted(int year) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c -> {
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from document_sequences where series = 'INV' and doc_year = ?")) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) > 0;
                }
            } finally {
                c.setTransactionIsolation(isolation);
            }
        }));
    }

    private long lastProbe = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private int lastWaiting;

    /**
     * Transactions of the database that wait for a lock right now. InnoDB refreshes its transaction table only
     * when it was not read for 100 ms, so a probe polled faster would read the same stale table forever: probes
     * are spaced 150 ms apart, with the last answer given in between.
     */
    private long blindSince;

    private long firstBlindProbe() {
        if (blindSince == 0) {
            blindSince = System.nanoTime();
        }
        return blindSince;
    }

    private int waitingTransactions() {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if (product != null && product.contains("H2")) {
            Integer n = jdbc.queryForObject("select count(*) from information_schema.sessions "
                    + "where blocker_id is not null", Integer.class);
            return n == null ? 0 : n;
        }
        if (System.nanoTime() - lastProbe > TimeUnit.MILLISECONDS.toNanos(150)) {
            try {
                Integer n = jdbc.queryForObject("select count(*) from information_schema.innodb_trx "
                        + "where trx_state = 'LOCK WAIT'", Integer.class);
                lastWaiting = n == null ? 0 : n;
            } catch (DataAccessException noProcessPrivilege) {
                // A database user without PROCESS cannot see lock waits (.ci/run grants it): give the three issuers
                // a second to reach the lock instead, then count them as waiting.
                lastWaiting = System.nanoTime() - firstBlindProbe() > TimeUnit.SECONDS.toNanos(1) ? 3 : 0;
            }
            lastProbe = System.nanoTime();
        }
        return lastWaiting;
    }

    @Test
    void aDocumentIssuedLateOnNewYearsEveUtcIsAlreadyNextYearsInBerlin() {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-31T23:30:00Z")));
        long before = lastNumber("INV", 2027);
        Document d = issue(draft(UUID.randomUUID().toString(), UUID.randomUUID().toString(), clock.instant()));
        assertThat(d.number()).isEqualTo(number("INV", 2027, before + 1));
        assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aCreditNoteIsIssuedOncePerRefundAtTheInvoicesRate() {
        String orderId = UUID.randomUUID().toString();
        String customerId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Document invoice = tx().execute(s -> invoicing.issueInvoice(new InvoiceDraft(orderId, customerId, BUYER,
                "EUR", new BigDecimal("8.1"), List.of(new Line("Panel", 1, new BigDecimal("500.00"),
                        new BigDecimal("500.00"))), now)));
        String refundId = UUID.randomUUID().toString();
        CreditNoteDraft draft = new CreditNoteDraft(orderId, customerId, refundId, new BigDecimal("100.00"), "EUR",
                "cancelled", now);
        Document note = tx().execute(s -> invoicing.issueCreditNote(draft));
        assertThat(note.type()).isEqualTo(Type.CREDIT_NOTE);
        assertThat(note.number()).startsWith("CN-");
        assertThat(note.refundId()).isEqualTo(refundId);
        assertThat(note.vatRate()).isEqualByComparingTo("8.1");
        assertThat(note.net().amount()).isEqualTo("92.51");
        assertThat(note.vat().amount()).isEqualTo("7.49");
        assertThat(note.gross().amount()).isEqualTo("100.00");
        assertThat(jdbc.queryForObject("select related_number from billing_documents where id = ?", String.class,
                note.id())).isEqualTo(invoice.number());
        assertThat(jdbc.queryForObject("select description from billing_document_lines where document_id = ?",
                String.class, note.id())).isEqualTo("Refund for invoice " + invoice.number());
        assertThat(jdbc.queryForObject("select buyer_name from billing_documents where id = ?", String.class,
                note.id())).isEqualTo(BUYER.name());

        long last = lastNumber("CN", note.issuedOn().getYear());
        Document again = tx().execute(s -> invoicing.issueCreditNote(draft));
        assertThat(again).isEqualTo(note);
        assertThat(lastNumber("CN", note.issuedOn().getYear())).as("no number taken for the repeat").isEqualTo(last);
        assertThat(invoicing.documentsOf(orderId)).extracting(Document::type)
                .containsExactly(Type.INVOICE, Type.CREDIT_NOTE);
    }

    @Test
    void aCreditNoteWithoutAnInvoiceIs409InvalidState() {
        CreditNoteDraft draft = new CreditNoteDraft(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), BigDecimal.TEN, "EUR", "goodwill", clock.instant());
        assertThatThrownBy(() -> tx().execute(s -> invoicing.issueCreditNote(draft)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("invalid_state");
                });
    }

    @Test
    void onlyTheOrdersCustomerAndAdminsDownloadTheDocument() {
        Customer owner = customer();
        String orderId = UUID.randomUUID().toString();
        Document d = issue(draft(orderId, owner.id(), clock.instant()));
        String path = "/api/v1/orders/" + orderId + "/documents/" + d.id();

        HttpResponse<byte[]> mine = api.getBytes(path, owner.access());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(new String(Arrays.copyOf(mine.body(), 4), StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(mine.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/pdf"));
        assertThat(mine.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"" + d.number() + ".pdf\"");
        assertThat(mine.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(mine.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.getBytes(path, owner.access()).body()).as("a re-download is the same file")
                .isEqualTo(mine.body());

        Api.Response stranger = api.get(path, customer().access());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("not_found");
        Api.Response installer = api.get(path, installer(1).access());
        assertThat(installer.status()).isEqualTo(404);
        assertThat(installer.code()).isEqualTo("not_found");
        Api.Response wrongOrder = api.get("/api/v1/orders/" + UUID.randomUUID() + "/documents/" + d.id(),
                owner.access());
        assertThat(wrongOrder.status()).isEqualTo(404);
        assertThat(wrongOrder.code()).isEqualTo("not_found");
        Api.Response unknown = api.get("/api/v1/orders/" + orderId + "/documents/" + UUID.randomUUID(),
                owner.access());
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response anonymous = api.get(path);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthorized");

        String adminPath = "/api/v1/admin/documents/" + d.id();
        HttpResponse<byte[]> admin = api.getBytes(adminPath, adminToken());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo(mine.body());
        assertThat(admin.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"" + d.number() + ".pdf\"");
        assertThat(api.get(adminPath, owner.access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/documents/" + UUID.randomUUID(), adminToken()).status()).isEqualTo(404);
    }
}
