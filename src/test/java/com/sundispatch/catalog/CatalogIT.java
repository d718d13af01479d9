package com.sundispatch.catalog;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.TestGeocoder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogIT extends IntegrationTest {

    @Test
    void demoCatalogIsSeededWithRealisticPanels() {
        Api.Response r = api.get("/api/v1/catalog/panels?size=100");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalItems").asLong()).isGreaterThanOrEqualTo(12);
        JsonNode first = r.json().path("items").get(0);
        assertThat(first.path("price").path("currency").asString()).isEqualTo("EUR");
        assertThat(first.path("price").path("amount").asString()).matches("\\d+\\.\\d{2}");
        assertThat(first.path("photoUrls").get(0).asString()).startsWith("/assets/panels/");
        assertThat(api.get(first.path("photoUrls").get(0).asString()).status()).isEqualTo(200);
    }

    @Test
    void searchMatchesNameOrMakerCaseInsensitively() {
        Api.Response r = api.get("/api/v1/catalog/panels?q=LONGI");
        assertThat(r.json().path("totalItems").asLong()).isGreaterThanOrEqualTo(1);
        r.json().path("items").forEach(p -> assertThat(p.path("manufacturer").asString() + p.path("name").asString())
                .containsIgnoringCase("longi"));
    }

    @Test
    void filtersAndSortApply() {
        Api.Response r = api.get("/api/v1/catalog/panels?minWatts=450&maxPrice=200&sort=-watts&size=100");
        assertThat(r.status()).isEqualTo(200);
        List<Integer> watts = new ArrayList<>();
        r.json().path("items").forEach(p -> {
            assertThat(p.path("wattsPeak").asInt()).isGreaterThanOrEqualTo(450);
            assertThat(Double.parseDouble(p.path("price").path("amount").asString())).isLessThanOrEqualTo(200.0);
            watts.add(p.path("wattsPeak").asInt());
        });
        assertThat(watts).isNotEmpty().isSortedAccordingTo((a, b) -> b - a);
        List<Double> prices = new ArrayList<>();
        api.get("/api/v1/catalog/panels?sort=price&size=100").json().path("items")
                .forEach(p -> prices.add(Double.parseDouble(p.path("price").path("amount").asString())));
        assertThat(prices).isSorted();
    }

    private record Listed(String id, String name, BigDecimal price, int watts,
            BigDecimal efficiency) {
    }

    /**
     * Panels of one maker (found by q) with ties in every key and names differing only in case: walking every page
     * of every sort, in pages of 3, must show each exactly once, in the order the key and then the id give.
     */
    @Test
    void walkingEveryPageOfEverySortShowsEachPanelOnceInOrder() {
        // letters only: the maker is the search term, and a UUID's hex digits may hold fewer than six letters
        String maker = "Sortwalk " + randomLetters(8);
        String admin = adminToken();
        Object[][] specs = { { "delta 7", "150.00", 430, "21.0" }, { "Delta 7", "150.00", 450, "22.5" },
                { "alpha", "99.90", 430, "20.1" }, { "Beta 10", "250.00", 700, "22.5" }, { "beta 2", "150.00", 590, "21.0" },
                { "Zeta", "120.00", 410, "23.0" }, { "epsilon", "310.00", 450, "19.8" } };
        Map<String, Listed> created = new HashMap<>();
        for (Object[] spec : specs) {
            Api.Response r = api.post("/api/v1/admin/catalog/panels", Map.of("name", spec[0], "manufacturer", maker,
                    "wattsPeak", spec[2], "efficiencyPercent", new BigDecimal((String) spec[3]), "price",
                    new BigDecimal((String) spec[1]), "stock", 5, "warrantyYears", 25), admin);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            String id = r.json().path("id").asString();
            created.put(id, new Listed(id, (String) spec[0], new BigDecimal((String) spec[1]),
                    (Integer) spec[2], new BigDecimal((String) spec[3])));
        }
        Comparator<Listed> byName = Comparator.comparing(l -> l.name().toLowerCase(Locale.ROOT));
        Map<String, Comparator<Listed>> keys = new LinkedHashMap<>();
        keys.put("", byName);
        keys.put("name", byName);
        keys.put("price", Comparator.comparing(Listed::price));
        keys.put("watts", Comparator.comparingInt(Listed::watts));
        keys.put("efficiency", Comparator.comparing(Listed::efficiency));
        for (var key : keys.entrySet()) {
            for (boolean descending : List.of(false, true)) {
                if (key.getKey().isEmpty() && descending) {
                    continue;
                }
                String sort = (descending ? "-" : "") + key.getKey();
                Comparator<Listed> order = descending ? key.getValue().reversed() : key.getValue();
                List<String> expected = created.values().stream().sorted(order.thenComparing(Listed::id))
                        .map(Listed::id).toList();
                List<String> seen = new ArrayList<>();
                for (int page = 0; page < 3; page++) {
                    Api.Response r = api.get("/api/v1/catalog/panels?size=3&page=" + page + "&q="
                            + maker.replace(' ', '+') + (sort.isEmpty() ? "" : "&sort=" + sort));
                    assertThat(r.status()).as(sort).isEqualTo(200);
                    assertThat(r.json().path("totalItems").asLong()).as(sort).isEqualTo(7);
                    assertThat(r.json().path("page").asInt()).isEqualTo(page);
                    assertThat(r.json().path("size").asInt()).isEqualTo(3);
                    assertThat(r.json().path("items").size()).as(sort + " page " + page).isEqualTo(page < 2 ? 3 : 1);
                    r.json().path("items").forEach(p -> seen.add(p.path("id").asString()));
                }
                assertThat(seen).as("sort=" + sort).containsExactlyElementsOf(expected);
                assertThat(api.get("/api/v1/catalog/panels?size=3&page=3&q=" + maker.replace(' ', '+')
                        + (sort.isEmpty() ? "" : "&sort=" + sort)).json().path("items").size()).isZero();
            }
        }
    }

    @Test
    void sortOutsideTheAllowListIsRefused() {
        Api.Response r = api.get("/api/v1/catalog/panels?sort=stock");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/catalog/panels?sort=name;drop%20table%20panels").status()).isEqualTo(400);
    }

    @Test
    void pageSizeIsCappedAt100AndBadParametersAre400() {
        assertThat(api.get("/api/v1/catalog/panels?size=1000").json().path("size").asInt()).isEqualTo(100);
        assertThat(api.get("/api/v1/catalog/panels?minWatts=abc").code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/catalog/panels?maxPrice=-1").code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/catalog/panels?maxPrice=1e999999999").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/catalog/panels?maxPrice=1e-999999999").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/catalog/panels?page=-1").code()).isEqualTo("validation_failed");
    }

    @Test
    void injectionInQueryIsInertNeverMoreRows() {
        for (String q : List.of("' OR '1'='1", "%", "_", "%' --", "\"; DROP TABLE panels; --", "<script>")) {
            Api.Response r = api.get("/api/v1/catalog/panels?q=" + URLEncoder.encode(q,
                    StandardCharsets.UTF_8));
            assertThat(r.status()).as(q).isEqualTo(200);
            assertThat(r.json().path("totalItems").asLong()).as(q).isZero();
        }
        assertThat(api.get("/api/v1/catalog/panels").json().path("totalItems").asLong()).isGreaterThan(0);
    }

    @Test
    void panelByIdAndUnknownIs404() {
        String id = api.get("/api/v1/catalog/panels").json().path("items").get(0).path("id").asString();
        Api.Response one = api.get("/api/v1/catalog/panels/" + id);
        assertThat(one.status()).isEqualTo(200);
        for (String field : List.of("id", "name", "manufacturer", "wattsPeak", "efficiencyPercent", "price", "stock",
                "warrantyYears", "photoUrls")) {
            assertThat(one.json().has(field)).as(field).isTrue();
        }
        assertThat(api.get("/api/v1/catalog/panels/does-not-exist").status()).isEqualTo(404);
    }

    @Test
    void publicInfoHasRealCountsAndFaqIsAPlainArray() {
        Api.Response info = api.get("/api/v1/public/info");
        long panels = api.get("/api/v1/catalog/panels").json().path("totalItems").asLong();
        assertThat(info.json().path("counts").path("panels").asLong()).isEqualTo(panels);
        assertThat(info.json().path("counts").has("verifiedInstallers")).isTrue();
        Api.Response faq = api.get("/api/v1/public/faq");
        assertThat(faq.json().isArray()).isTrue();
        assertThat(faq.json().get(0).has("question")).isTrue();
        assertThat(faq.json().get(0).has("answer")).isTrue();
    }

    @Test
    void quoteSizesASystemAndStatesItsAssumptions() {
        Api.Response q = api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "latitude", 52.52, "longitude", 13.40));
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        assertThat(q.json().path("panelCount").asInt()).isBetween(5, 15);
        assertThat(q.json().path("annualProductionKwh").asLong()).isGreaterThanOrEqualTo(3600);
        assertThat(q.json().path("systemKwp").asDouble()).isGreaterThan(3.0);
        assertThat(q.json().path("price").path("currency").asString()).isEqualTo("EUR");
        assertThat(q.json().path("assumptions").path("performanceRatio").asDouble()).isEqualTo(0.8);
        assertThat(q.json().path("assumptions").path("peakSunHours").asDouble()).isEqualTo(3.2);
        assertThat(q.json().path("assumptions").path("model").asString()).contains("peakSunHours");
    }

    @Test
    void quoteForAChosenPanelUsesIt() {
        JsonNode panel = api.get("/api/v1/catalog/panels?q=Vertex%20N").json().path("items").get(0);
        Api.Response q = api.post("/api/v1/quotes", Map.of("monthlyKwh", 500, "latitude", 40.4, "longitude", -3.7,
                "panelId", panel.path("id").asString()));
        assertThat(q.json().path("panel").path("id").asString()).isEqualTo(panel.path("id").asString());
        int count = q.json().path("panelCount").asInt();
        double expectedPanels = Double.parseDouble(panel.path("price").path("amount").asString()) * count;
        assertThat(Double.parseDouble(q.json().path("panelsTotal").path("amount").asString()))
                .isEqualTo(expectedPanels, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void quoteValidation() {
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "latitude", 91, "longitude", 13)).code())
                .isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 0, "latitude", 50, "longitude", 13)).code())
                .isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "latitude", 50, "longitude", 181)).code())
                .isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "latitude", 50, "longitude", 13,
                "panelId", "nope")).code()).isEqualTo("unknown_panel");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "latitude", 50, "longitude", 13,
                "price", 1)).code()).isEqualTo("validation_failed");
    }

    @Test
    void quoteByAddressUsesTheGeocodedLatitudeAndAnswersThePlace() {
        // 30 degrees north: 5.2 peak-sun hours in the model, not Berlin's 3.2.
        TestGeocoder.Entry e = addressAt(30.0, 31.2);
        Api.Response q = api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "address", Map.of("postalCode",
                e.postalCode(), "city", e.city(), "country", "DE")));
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        assertThat(q.json().path("assumptions").path("peakSunHours").asDouble()).isEqualTo(5.2);
        assertThat(q.json().path("place").path("postalCode").asString()).isEqualTo(e.postalCode());
        assertThat(q.json().path("place").path("latitude").asDouble()).isEqualTo(30.0);
        assertThat(q.json().path("place").path("country").asString()).isEqualTo("DE");
        assertThat(q.json().path("panelCount").asInt()).isPositive();
    }

    @Test
    void quoteByPostalCodeAloneIsPlacedByTheGazetteer() {
        Api.Response q = api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "address", Map.of("postalCode", "10117",
                "country", "DE")));
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        assertThat(q.json().path("place").path("city").asString()).isEqualTo("Berlin");
        assertThat(q.json().path("place").path("latitude").asDouble()).isBetween(52.4, 52.6);
        assertThat(q.json().path("assumptions").path("peakSunHours").asDouble()).isEqualTo(3.2);
    }

    @Test
    void quoteForAnUnknownAddressIsAddressNotFoundWithSuggestions() {
        Api.Response q = api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "address", Map.of("postalCode",
                "Q0000Q", "city", "Nirgendwo Ungekannt", "country", "DE")));
        assertThat(q.status()).as(q.toString()).isEqualTo(400);
        assertThat(q.code()).isEqualTo("address_not_found");
        assertThat(q.json().path("suggestions").isArray()).isTrue();
    }

    @Test
    void quoteNeedsExactlyOneOfAddressAndCoordinates() {
        Map<String, Object> berlin = Map.of("postalCode", "10117", "city", "Berlin", "country", "DE");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300)).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "address", berlin, "latitude", 52.5,
                "longitude", 13.4)).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "latitude", 52.5)).code())
                .isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "address", Map.of("postalCode", "10117",
                "country", "de"))).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "address", Map.of("city", "Berlin",
                "country", "DE"))).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "address", Map.of("postalCode", "10117",
                "country", "DE", "street", "Unter den Linden 1"))).code()).isEqualTo("validation_failed");
        // The legacy coordinates still work and answer no place.
        Api.Response legacy = api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "latitude", 52.5, "longitude",
                13.4));
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.json().path("place").isObject()).isFalse();
    }

    private static String randomLetters(int length) {
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
