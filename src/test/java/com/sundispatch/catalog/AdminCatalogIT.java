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

    private Map<String, Object> datasheet() {
        Map<String, Object> m = new HashMap<>();
        m.put("description", "N-type cells.\nGlass-glass, 30 mm frame.");
        m.put("lengthMm", 1762);
        m.put("widthMm", 1134);
        m.put("thicknessMm", 30);
        m.put("weightKg", new BigDecimal("21.5"));
        m.put("cellType", "TOPCON");
        m.put("performanceWarrantyYears", 30);
        m.put("performanceWarrantyPercent", new BigDecimal("87.4"));
        return m;
    }

    @Test
    void adminSetsTheDatasheetAndEveryoneReadsItAndAFullReplaceWithoutItClearsIt() {
        String admin = adminToken();
        Map<String, Object> body = panel("Sheet 440");
        body.putAll(datasheet());
        Api.Response created = api.post("/api/v1/admin/catalog/panels", body, admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        var read = api.get("/api/v1/catalog/panels/" + id).json();
        assertThat(read.path("description").asString()).isEqualTo("N-type cells.\nGlass-glass, 30 mm frame.");
        assertThat(read.path("lengthMm").asInt()).isEqualTo(1762);
        assertThat(read.path("widthMm").asInt()).isEqualTo(1134);
        assertThat(read.path("thicknessMm").asInt()).isEqualTo(30);
        assertThat(read.path("weightKg").decimalValue()).isEqualByComparingTo("21.5");
        assertThat(read.path("cellType").asString()).isEqualTo("TOPCON");
        assertThat(read.path("performanceWarrantyYears").asInt()).isEqualTo(30);
        assertThat(read.path("performanceWarrantyPercent").decimalValue()).isEqualByComparingTo("87.4");

        Map<String, Object> changed = panel("Sheet 440");
        changed.putAll(datasheet());
        changed.put("cellType", "HJT");
        changed.put("weightKg", new BigDecimal("19.9"));
        changed.put("version", read.path("version").asLong());
        Api.Response updated = api.send("PUT", "/api/v1/admin/catalog/panels/" + id, changed, admin, Map.of());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("cellType").asString()).isEqualTo("HJT");
        assertThat(updated.json().path("weightKg").decimalValue()).isEqualByComparingTo("19.9");

        Map<String, Object> bare = panel("Sheet 440");
        bare.put("version", updated.json().path("version").asLong());
        Api.Response cleared = api.send("PUT", "/api/v1/admin/catalog/panels/" + id, bare, admin, Map.of());
        assertThat(cleared.status()).isEqualTo(200);
        for (String field : datasheet().keySet()) {
            assertThat(cleared.json().has(field)).as(field).isTrue();
            assertThat(cleared.json().path(field).isNull()).as(field).isTrue();
        }
    }

    @Test
    void datasheetValuesOutOfRangeOrAnUnknownCellTypeAre400NamingTheField() {
        String admin = adminToken();
        Map<String, Object> bad = new java.util.LinkedHashMap<>();
        bad.put("description", "x".repeat(2001));
        bad.put("lengthMm", 20_000);
        bad.put("widthMm", 0);
        bad.put("thicknessMm", -3);
        bad.put("weightKg", new BigDecimal("21.55"));
        bad.put("cellType", "QUANTUM");
        bad.put("performanceWarrantyYears", 99);
        bad.put("performanceWarrantyPercent", new BigDecimal("101.0"));
        bad.forEach((field, value) -> {
            Map<String, Object> p = panel("Valid Name");
            p.putAll(datasheet());
            p.put(field, value);
            Api.Response r = api.post("/api/v1/admin/catalog/panels", p, admin);
            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.code()).as(field).isEqualTo("validation_failed");
            assertThat(r.json().path("errors").get(0).path("field").asString()).as(field).isEqualTo(field);
        });
        Map<String, Object> control = panel("Valid Name");
        control.put("description", "bell\u0007");
        assertThat(api.post("/api/v1/admin/catalog/panels", control, admin).code()).isEqualTo("validation_failed");
        Map<String, Object> lowerCase = panel("Valid Name");
        lowerCase.put("cellType", "topcon");
        assertThat(api.post("/api/v1/admin/catalog/panels", lowerCase, admin).code()).isEqualTo("validation_failed");
    }

    @Test
    void everyDemoPanelCarriesACompleteDatasheet() {
        List<String> demo = List.of("Maxeon 6 AC 440", "Neostar 2P 455", "Hi-MO 6 Explorer 425",
                "DeepBlue 4.0 Pro 440", "Vertex S+ 445", "Tiger Neo 475", "Alpha Pure-RX 470", "Q.TRON BLK M-G2+ 430",
                "TOPBiHiKu6 445", "EverVolt H 410", "Vision GM 3.0 350", "Hyper-ion 590", "HiKu7 665", "Vertex N 700");
        for (String name : demo) {
            var items = api.get("/api/v1/catalog/panels?size=100&q=" + java.net.URLEncoder.encode(name,
                    java.nio.charset.StandardCharsets.UTF_8)).json().path("items");
            var found = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
            items.forEach(p -> {
                if (p.path("name").asString().equals(name)) {
                    found.add(p);
                }
            });
            assertThat(found).as(name).hasSize(1);
            var p = found.get(0);
            for (String field : datasheet().keySet()) {
                assertThat(p.path(field).isNull() || p.path(field).isMissingNode()).as(name + " " + field).isFalse();
            }
            assertThat(p.path("lengthMm").asInt()).as(name).isGreaterThan(p.path("widthMm").asInt());
            assertThat(p.path("performanceWarrantyPercent").decimalValue()).as(name)
                    .isBetween(new BigDecimal("80"), new BigDecimal("95"));
        }
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
