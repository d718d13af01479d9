package com.sundispatch.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.billing.Ledger.Entry;
import com.sundispatch.billing.Ledger.Kind;
import com.sundispatch.billing.Payouts.Payout;
import com.sundispatch.billing.Payouts.Status;
import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.shared.Money;
import com.sundispatch.support.AdminSession;
import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Payouts with the default settings: NET basis, 15 % platform fee, Europe/Berlin. */
class PayoutsIT extends DispatchFixtures {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    private Payouts payouts;

    @Autowired
    private Ledger ledger;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    private Payout due(String installerId, String gross, String vat) {
        return due(UUID.randomUUID().toString(), installerId, gross, vat);
    }

    private Payout due(String orderId, String installerId, String gross, String vat) {
        return new TransactionTemplate(transactions).execute(s -> payouts.recordDue(orderId, installerId,
                new BigDecimal(gross), new BigDecimal(vat), "EUR"));
    }

    private String adminWithoutStepUp() {
        String admin = adminToken();
        jdbc.update("update user_sessions set reauthenticated_at = null where user_id = (select id from users "
                + "where email = ?)", ADMIN_EMAIL);
        return admin;
    }

    private String adminWithStepUp() {
        String admin = adminToken();
        AdminSession.stepUp(api, admin);
        return admin;
    }

    @Test
    void recordingTheSameOrderTwiceKeepsOnePayoutAndOneSetOfMovements() {
        String order = UUID.randomUUID().toString();
        String installer = UUID.randomUUID().toString();

        Payout first = due(order, installer, "1190.00", "190.00");
        Payout again = due(order, installer, "1190.00", "190.00");

        assertThat(again).isEqualTo(first);
        assertThat(first.status()).isEqualTo(Status.DUE);
        assertThat(first.base()).isEqualTo(Money.eur(new BigDecimal("1000.00")));
        assertThat(first.fee()).isEqualTo(Money.eur(new BigDecimal("150.00")));
        assertThat(first.amount()).isEqualTo(Money.eur(new BigDecimal("850.00")));
        assertThat(payouts.ofOrder(order)).contains(first);
        assertThat(jdbc.queryForObject("select count(*) from payouts where order_id = ?", Integer.class, order))
                .isEqualTo(1);
        List<Entry> entries = ledger.entriesOf(order);
        assertThat(entries).extracting(Entry::kind).containsExactlyInAnyOrder(Kind.VAT, Kind.PLATFORM_FEE,
                Kind.PAYOUT_DUE);
        assertThat(entries).allSatisfy(e -> assertThat(e.reference()).isEqualTo(first.id()));
        assertThat(entries).extracting(e -> e.amount().toPlainString()).containsExactlyInAnyOrder("190.00",
                "150.00", "850.00");
    }

    @Test
    void aZeroVatOrderBooksNoVatMovement() {
        String order = UUID.randomUUID().toString();
        due(order, UUID.randomUUID().toString(), "100.00", "0.00");
        assertThat(ledger.entriesOf(order)).extracting(Entry::kind).containsExactlyInAnyOrder(Kind.PLATFORM_FEE,
                Kind.PAYOUT_DUE);
    }

    @Test
    void installerSeesOwnEarningsByMonthAndNobodyElseDoes() {
        Installer mine = installer(1);
        Installer other = installer(2);
        Payout paid = due(mine.id(), "1190.00", "190.00");
        Payout pending = due(mine.id(), "595.00", "95.00");
        Api.Response marked = api.post("/api/v1/admin/payouts/" + paid.id() + "/paid",
                Map.of("reference", "SEPA 2026-12/0001"), adminWithStepUp());
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        String month = YearMonth.from(LocalDate.ofInstant(clock.instant(), BERLIN)).toString();

        Api.Response r = api.get("/api/v1/installer/earnings", mine.access());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("year").asInt()).isEqualTo(LocalDate.ofInstant(clock.instant(), BERLIN).getYear());
        assertThat(body.path("currency").asString()).isEqualTo("EUR");
        assertThat(money(body.path("totals").path("earned"))).isEqualTo("1275.00");
        assertThat(money(body.path("totals").path("pending"))).isEqualTo("425.00");
        assertThat(money(body.path("totals").path("paidOut"))).isEqualTo("850.00");
        assertThat(body.path("months")).hasSize(12);
        JsonNode thisMonth = null;
        for (JsonNode m : body.path("months")) {
            if (m.path("month").asString().equals(month)) {
                thisMonth = m;
            } else {
                assertThat(m.path("jobs").asInt()).isZero();
                assertThat(money(m.path("earned"))).isEqualTo("0.00");
            }
        }
        assertThat(thisMonth).isNotNull();
        assertThat(thisMonth.path("jobs").asInt()).isEqualTo(2);
        assertThat(money(thisMonth.path("earned"))).isEqualTo("1275.00");
        assertThat(money(thisMonth.path("pending"))).isEqualTo("425.00");
        assertThat(money(thisMonth.path("paidOut"))).isEqualTo("850.00");
        assertThat(body.path("payouts")).hasSize(2);
        JsonNode paidView = null;
        for (JsonNode p : body.path("payouts")) {
            if (p.path("id").asString().equals(paid.id())) {
                paidView = p;
            } else {
                assertThat(p.path("id").asString()).isEqualTo(pending.id());
                assertThat(p.path("status").asString()).isEqualTo("DUE");
                assertThat(p.path("paidAt").isNull() || p.path("paidAt").isMissingNode()).isTrue();
            }
        }
        assertThat(paidView).isNotNull();
        assertThat(paidView.path("orderId").asString()).isEqualTo(paid.orderId());
        assertThat(paidView.path("status").asString()).isEqualTo("PAID");
        assertThat(paidView.path("reference").asString()).isEqualTo("SEPA 2026-12/0001");
        assertThat(paidView.path("base")).isEqualTo(Api.JSON.valueToTree(Map.of("amount", "1000.00",
                "currency", "EUR")));
        assertThat(money(paidView.path("fee"))).isEqualTo("150.00");
        assertThat(money(paidView.path("amount"))).isEqualTo("850.00");
        assertThat(paidView.path("dueAt").asString()).isNotEmpty();
        assertThat(paidView.path("paidAt").asString()).isNotEmpty();

        Api.Response lastYear = api.get("/api/v1/installer/earnings?year="
                + (LocalDate.ofInstant(clock.instant(), BERLIN).getYear() - 1), mine.access());
        assertThat(lastYear.status()).isEqualTo(200);
        assertThat(lastYear.json().path("payouts")).isEmpty();

        Api.Response others = api.get("/api/v1/installer/earnings", other.access());
        assertThat(others.status()).isEqualTo(200);
        assertThat(others.json().path("payouts")).isEmpty();
        assertThat(money(others.json().path("totals").path("earned"))).isEqualTo("0.00");
    }

    private static String money(JsonNode node) {
        assertThat(node.path("currency").asString()).isEqualTo("EUR");
        return node.path("amount").asString();
    }

    @Test
    void earningsAreForInstallersOnlyAndForSensibleYears() {
        Api.Response customer = api.get("/api/v1/installer/earnings", newCustomerSession().access());
        assertThat(customer.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/installer/earnings").status()).isEqualTo(401);

        Installer installer = installer(1);
        for (String year : new String[] { "1999", "2101", "-5" }) {
            Api.Response r = api.get("/api/v1/installer/earnings?year=" + year, installer.access());
            assertThat(r.status()).as(year).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
        }
        assertThat(api.get("/api/v1/installer/earnings?year=abc", installer.access()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/installer/earnings?year=2000", installer.access()).status()).isEqualTo(200);
    }

    @Test
    void adminListsPayoutsByStatusWithTheInstallersName() {
        Installer installer = installer(1);
        Payout payout = due(installer.id(), "238.00", "38.00");
        String admin = adminToken();

        Api.Response r = api.get("/api/v1/admin/payouts?status=DUE&size=100", admin);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("page").asInt()).isZero();
        assertThat(r.json().path("size").asInt()).isEqualTo(100);
        assertThat(r.json().path("totalItems").asLong()).isPositive();
        JsonNode item = find(r.json().path("items"), payout.id());
        assertThat(item).as("the new payout in the DUE list").isNotNull();
        assertThat(item.path("installerId").asString()).isEqualTo(installer.id());
        assertThat(item.path("installerName").asString()).isEqualTo("Ada Lovelace");
        assertThat(item.path("orderId").asString()).isEqualTo(payout.orderId());
        assertThat(money(item.path("amount"))).isEqualTo("170.00");
        for (JsonNode i : r.json().path("items")) {
            assertThat(i.path("status").asString()).isEqualTo("DUE");
        }
        Api.Response paidList = api.get("/api/v1/admin/payouts?status=PAID&size=100", admin);
        assertThat(paidList.status()).isEqualTo(200);
        assertThat(find(paidList.json().path("items"), payout.id())).isNull();
        assertThat(api.get("/api/v1/admin/payouts", admin).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/admin/payouts?status=LOST", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/payouts?page=-1", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/payouts", installer.access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/payouts").status()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode i : items) {
            if (i.path("id").asString().equals(id)) {
                return i;
            }
        }
        return null;
    }

    @Test
    void markingPaidNeedsStepUpIsAuditedBooksTheTransferAndHappensOnce() {
        Payout payout = due(UUID.randomUUID().toString(), "1190.00", "190.00");
        String path = "/api/v1/admin/payouts/" + payout.id() + "/paid";

        Api.Response noStepUp = api.post(path, Map.of("reference", "TRX-1"), adminWithoutStepUp());
        assertThat(noStepUp.status()).as(noStepUp.toString()).isEqualTo(403);
        assertThat(noStepUp.code()).isEqualTo("reauthentication_required");
        assertThat(payouts.ofOrder(payout.orderId()).orElseThrow().status()).isEqualTo(Status.DUE);

        String admin = adminWithStepUp();
        for (String bad : new String[] { "", "=HYPERLINK(1)", "x".repeat(65), "line\nbreak" }) {
            Api.Response r = api.post(path, Map.of("reference", bad), admin);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
        }
        assertThat(api.post(path, Map.of(), admin).status()).isEqualTo(400);

        Api.Response paid = api.post(path, Map.of("reference", "TRX-1"), admin);

        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().path("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().path("reference").asString()).isEqualTo("TRX-1");
        assertThat(paid.json().path("paidAt").asString()).isNotEmpty();
        String adminId = jdbc.queryForObject("select id from users where email = ?", String.class, ADMIN_EMAIL);
        assertThat(jdbc.queryForObject("select paid_by from payouts where id = ?", String.class, payout.id()))
                .isEqualTo(adminId);
        assertThat(events.of(SecurityEvent.class)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("PAYOUT_MARKED_PAID");
            assertThat(e.userId()).isEqualTo(adminId);
            assertThat(e.outcome()).isEqualTo(SecurityEvent.Outcome.SUCCESS);
            assertThat(e.detail()).containsEntry("payoutId", payout.id()).containsEntry("orderId", payout.orderId());
        });
        assertThat(ledger.entriesOf(payout.orderId())).filteredOn(e -> e.kind() == Kind.PAYOUT_PAID)
                .singleElement().satisfies(e -> {
                    assertThat(e.amount()).isEqualTo(new BigDecimal("850.00"));
                    assertThat(e.reference()).isEqualTo(payout.id());
                });
        assertThat(ledger.balances(payout.orderId())).containsEntry(Ledger.Account.INSTALLER_PAYABLE,
                new BigDecimal("0.00")).containsEntry(Ledger.Account.INSTALLER, new BigDecimal("850.00"));

        Api.Response twice = api.post(path, Map.of("reference", "TRX-2"), admin);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("invalid_state");
        assertThat(payouts.ofOrder(payout.orderId()).orElseThrow().reference()).isEqualTo("TRX-1");
        assertThat(ledger.entriesOf(payout.orderId())).filteredOn(e -> e.kind() == Kind.PAYOUT_PAID).hasSize(1);

        Api.Response unknown = api.post("/api/v1/admin/payouts/" + UUID.randomUUID() + "/paid",
                Map.of("reference", "TRX-3"), admin);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void ledgerCsvIsForAdminsOnly() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BERLIN);
        String query = "/api/v1/admin/ledger.csv?from=" + today + "&to=" + today;
        assertThat(api.get(query, adminToken()).status()).isEqualTo(200);
        Api.Response customer = api.get(query, newCustomerSession().access());
        assertThat(customer.status()).isEqualTo(403);
        assertThat(api.get(query).status()).isEqualTo(401);
    }
}
