package com.sundispatch.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Phones, streets and exact home points are sealed in the database; the API still shows them to their owners. */
class EncryptionAtRestIT extends DispatchFixtures {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataCipher cipher;

    private String sealedPrefix() {
        return "v2:" + cipher.keyId() + ":";
    }

    @Test
    void aPhoneNumberIsSealedInTheDatabaseAndShownToItsOwner() {
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        Api.Response updated = api.send("PATCH", "/api/v1/me", Map.of("phone", "+49 30 9876543"), t.access(),
                Map.of());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("phone").asString()).isEqualTo("+49 30 9876543");

        String raw = jdbc.queryForObject("select phone from users where email = ?", String.class, email);
        assertThat(raw).startsWith(sealedPrefix()).doesNotContain("9876543").doesNotContain("+49");
        assertThat(api.get("/api/v1/me", t.access()).json().path("phone").asString()).isEqualTo("+49 30 9876543");
    }

    @Test
    void streetsAndExactPointsOfOrdersJobsAndInstallersAreSealedWithOnlyACoarsePointInTheClear() {
        Installer installer = installer(1);
        Paid paid = paidOrder();
        String street = (String) lastInstallation.get("addressLine");

        Map<String, Object> order = jdbc.queryForMap(
                "select address_line, exact_location, latitude, longitude from orders where id = ?", paid.orderId());
        assertThat((String) order.get("address_line")).startsWith(sealedPrefix()).doesNotContain(street);
        assertThat((String) order.get("exact_location")).startsWith(sealedPrefix());
        double lat = ((Number) order.get("latitude")).doubleValue();
        double lon = ((Number) order.get("longitude")).doubleValue();
        assertThat(lat).isEqualTo(Math.round(homeLat * 100) / 100.0);
        assertThat(lon).isEqualTo(Math.round(homeLon * 100) / 100.0);
        assertThat(Math.round(lat * 100) / 100.0).isEqualTo(lat);

        Api.Response shown = api.get("/api/v1/orders/" + paid.orderId(), paid.customer().access());
        assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
        assertThat(shown.body()).contains(street);

        eventually("the paid order became a job", () -> jdbc.queryForObject(
                "select count(*) from jobs where order_id = ?", Integer.class, paid.orderId()) == 1);
        Map<String, Object> job = jdbc.queryForMap(
                "select address_line, exact_location, latitude from jobs where order_id = ?", paid.orderId());
        assertThat((String) job.get("address_line")).startsWith(sealedPrefix()).doesNotContain(street);
        assertThat((String) job.get("exact_location")).startsWith(sealedPrefix());
        assertThat(((Number) job.get("latitude")).doubleValue()).isEqualTo(lat);
        // The dispatch still found the installer 1 km away from the exact point.
        eventually("the installer got the offer", () -> !offersOf(installer).isEmpty());

        for (String table : new String[] { "installer_applications", "installer_profiles" }) {
            String phone = jdbc.queryForObject("select phone from " + table + " where user_id = ?", String.class,
                    installer.id());
            assertThat(phone).startsWith(sealedPrefix()).doesNotContain("5550100");
            String base = jdbc.queryForObject("select base_address_line from " + table + " where user_id = ?",
                    String.class, installer.id());
            assertThat(base).startsWith(sealedPrefix()).doesNotContain("Teststra");
        }
    }

    @Test
    void aSealedValueCopiedToAnotherRowIsRefusedCleanly() {
        String a = registerVerifiedCustomer();
        Tokens ta = login(a, PASSWORD);
        stepUp(ta.access());
        api.send("PATCH", "/api/v1/me", Map.of("phone", "+49 30 1111111"), ta.access(), Map.of());
        String b = registerVerifiedCustomer();
        Tokens tb = login(b, PASSWORD);
        stepUp(tb.access());
        api.send("PATCH", "/api/v1/me", Map.of("phone", "+49 30 2222222"), tb.access(), Map.of());
        String ownOfB = jdbc.queryForObject("select phone from users where email = ?", String.class, b);
        String ofA = jdbc.queryForObject("select phone from users where email = ?", String.class, a);
        jdbc.update("update users set phone = ? where email = ?", ofA, b);
        try {
            Api.Response r = api.get("/api/v1/me", tb.access());
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().path("code").asString()).isEqualTo("stored_data_unreadable");
            assertThat(r.body()).doesNotContain("1111111").doesNotContain("Exception").doesNotContain("AEADBad")
                    .doesNotContain("v2:");
            // A's own value still opens for A.
            assertThat(api.get("/api/v1/me", ta.access()).json().path("phone").asString()).isEqualTo("+49 30 1111111");
        } finally {
            // Admin lists in other tests read every account.
            jdbc.update("update users set phone = ? where email = ?", ownOfB, b);
        }
        assertThat(api.get("/api/v1/me", tb.access()).json().path("phone").asString()).isEqualTo("+49 30 2222222");
    }

    @Test
    void aValueStoredBeforeEncryptionIsStillReadableAndSealedByTheBatch() {
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        jdbc.update("update users set phone = ? where email = ?", "+49 40 7654321", email);
        assertThat(api.get("/api/v1/me", t.access()).json().path("phone").asString()).isEqualTo("+49 40 7654321");
        assertThat(jdbc.queryForObject("select count(*) from users where phone is not null and phone not like 'v1:%' "
                + "and phone not like 'v2:%'", Integer.class)).isPositive();
        // The batch seals leftover plaintext like the start-up step does (both walk the registered columns).
        assertThat(rotation.reencrypt().failed()).isZero();
        String raw = jdbc.queryForObject("select phone from users where email = ?", String.class, email);
        assertThat(raw).startsWith(sealedPrefix()).doesNotContain("7654321");
        assertThat(api.get("/api/v1/me", t.access()).json().path("phone").asString()).isEqualTo("+49 40 7654321");
    }

    @Autowired
    DataKeys rotation;
}
