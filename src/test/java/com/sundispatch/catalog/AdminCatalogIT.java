package com.sundispatch.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class AdminCatalogIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Object> panel(String name) {
        Map<String, Object> m = new HashMap<>(Map.of("name", name, "manufacturer", "Sunwerk", "wattsPeak", 420,
                "efficiencyPercent", new BigDecimal("21.4"), "price", new BigDecimal("150.00"), "stock", 30,
                "warrantyYears", 25));
        m.put("photoUrls", List.of("/assets/panels/mono-silver.svg"));
        return m;
    }

    @Test
    void adminCreatesUpdatesAndRetiresAPanelAndEveryChangeIsRecorded() {
        String admin = adminToken();
        Api.Response created = api.post("/api/v1/admin/catalog/panels", panel("Lumen 420"), admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.get("/api/v1/catalog/panels/" + id).json().path("name").asString()).isEqualTo("Lumen 420");

        Map<String, Object> changed = panel("Lumen 420 Pro");
        changed.put("price", new BigDecimal("175.50"));
        changed.put("version", created.json().path("version").asLong());
        Api.Response updated = api.send("PUT", "/api/v1/admin/catalog/panels/" + id, changed, admin, Map.of());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("price").path("amount").asString()).isEqualTo("175.50");

        assertThat(api.send("DELETE", "/api/v1/admin/catalog/panels/" + id, null, admin, Map.of()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/catalog/panels/" + id).status()).isEqualTo(404);

        String adminId = api.get("/api/v1/me", admin).json().path("id").asString();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select action, admin_id from catalog_changes where subject_id = ? order by changed_at", id);
        assertThat(rows).extracting(r -> r.get("action"))
                .containsExactly("PANEL_CREATED", "PANEL_UPDATED", "PANEL_RETIRED");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("admin_id")).isEqualTo(adminId));
    }

    @Test
    void editBasedOnAStaleReadIsRefusedSoSoldStockIsNotPutBack() {
        String admin = adminToken();
        Api.Response created = api.post("/api/v1/admin/catalog/panels", panel("Stale 420"), admin);
        String id = created.json().path("id").asString();
        long readVersion = created.json().path("version").asLong();
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        assertThat(placeOrder(customer, id, 2).status()).isEqualTo(201);
        Map<String, Object> stale = panel("Stale 420");
        stale.put("version", readVersion);
        Api.Response r = api.send("PUT", "/api/v1/admin/catalog/panels/" + id, stale, admin, Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("concurrent_update");
        assertThat(stockOf(id)).isEqualTo(28);
        stale.remove("version");
        assertThat(api.send("PUT", "/api/v1/admin/catalog/panels/" + id, stale, admin, Map.of()).code())
                .isEqualTo("validation_failed");
    }

    @Test
    void panelValidationNamesTheField() {
        String admin = adminToken();
        Map<String, Map.Entry<Object, String>> bad = Map.of(
                "wattsPeak", Map.entry(49, "wattsPeak"), "efficiencyPercent", Map.entry(new BigDecimal("31"), "x"),
                "price", Map.entry(new BigDecimal("0"), "x"), "stock", Map.entry(-1, "x"),
                "name", Map.entry("<script>", "x"));
        bad.forEach((field, value) -> {
            Map<String, Object> p = panel("Valid Name");
            p.put(field, value.getKey());
            Api.Response r = api.post("/api/v1/admin/catalog/panels", p, admin);
            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.json().path("errors").get(0).path("field").asString()).as(field).isEqualTo(field);
        });
        Map<String, Object> photo = panel("Valid Name");
        photo.put("photoUrls", List.of("javascript:alert(1)"));
        assertThat(api.post("/api/v1/admin/catalog/panels", photo, admin).status()).isEqualTo(400);
        Map<String, Object> longUrls = panel("Valid Name");
        longUrls.put("photoUrls", java.util.Collections.nCopies(8, "https://img.example/" + "a".repeat(230)));
        assertThat(api.post("/api/v1/admin/catalog/panels", longUrls, admin).status()).isEqualTo(400);
        longUrls.put("photoUrls", java.util.Collections.nCopies(8, "https://img.example/" + "a".repeat(215)));
        assertThat(api.post("/api/v1/admin/catalog/panels", longUrls, admin).status()).isEqualTo(201);
        Map<String, Object> extra = panel("Valid Name");
        extra.put("id", "chosen-by-client");
        assertThat(api.post("/api/v1/admin/catalog/panels", extra, admin).code()).isEqualTo("validation_failed");
    }

    @Test
    void catalogAdminWhenCustomerThen403AndAnonymousThen401() {
        Tokens customer = newCustomerSession();
        assertThat(api.post("/api/v1/admin/catalog/panels", panel("X Y"), customer.access()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/catalog/panels", panel("X Y")).status()).isEqualTo(401);
        assertThat(api.send("PUT", "/api/v1/admin/faq", List.of(), customer.access(), Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    void updateOrRetireUnknownPanelIs404() {
        String admin = adminToken();
        Map<String, Object> body = panel("X Y");
        body.put("version", 0);
        assertThat(api.send("PUT", "/api/v1/admin/catalog/panels/nope", body, admin, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/admin/catalog/panels/nope", null, admin, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void adminReplacesTheFaq() {
        String admin = adminToken();
        List<Map<String, String>> before = new java.util.ArrayList<>();
        api.get("/api/v1/public/faq").json().forEach(e -> before.add(Map.of("question", e.path("question").asString(),
                "answer", e.path("answer").asString())));
        try {
            Api.Response r = api.send("PUT", "/api/v1/admin/faq", List.of(Map.of("question", "Do you install on "
                    + "flat roofs?", "answer", "Yes, with ballasted mounts.")), admin, Map.of());
            assertThat(r.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/public/faq").json().size()).isEqualTo(1);
            assertThat(api.send("PUT", "/api/v1/admin/faq", List.of(Map.of("question", "")), admin, Map.of())
                    .status()).isEqualTo(400);
            assertThat(api.send("PUT", "/api/v1/admin/faq", "[null]", admin, Map.of()).status()).isEqualTo(400);
        } finally {
            api.send("PUT", "/api/v1/admin/faq", before, admin, Map.of());
        }
    }
}
