package com.sundispatch.orders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.TestGeocoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders are placed by address: the point is geocoded, a map pin may correct it by a few km, never more. */
class PlacesOrderIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private String verifiedCustomer() {
        return login(registerVerifiedCustomer(), PASSWORD).access();
    }

    private Api.Response order(String access, String panel, Map<String, Object> installation) {
        return api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 2)),
                "installation", installation), access);
    }

    private static double randomLat() {
        return ThreadLocalRandom.current().nextDouble(-55, 55);
    }

    private static double randomLon() {
        return ThreadLocalRandom.current().nextDouble(-170, 170);
    }

    private long ordersOf(String access) {
        return api.get("/api/v1/orders", access).json().path("totalItems").asLong();
    }

    @Test
    void orderByAddressOnlyStoresTheGeocodedPointAndItsPrecision() {
        double lat = randomLat();
        double lon = randomLon();
        String panel = createPanel(10, "100.00");
        String access = verifiedCustomer();
        Map<String, Object> where = installationAt(lat, lon);
        assertThat(where).doesNotContainKeys("latitude", "longitude");

        Api.Response r = order(access, panel, where);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var installation = r.json().path("installation");
        assertThat(installation.path("latitude").asDouble()).isEqualTo(lat);
        assertThat(installation.path("longitude").asDouble()).isEqualTo(lon);
        assertThat(installation.path("precision").asString()).isEqualTo("ADDRESS");
        assertThat(installation.path("addressLine").asString()).isEqualTo(where.get("addressLine"));
        String id = r.json().path("id").asString();
        var again = api.get("/api/v1/orders/" + id, access).json().path("installation");
        assertThat(again.path("latitude").asDouble()).isEqualTo(lat);
        assertThat(again.path("precision").asString()).isEqualTo("ADDRESS");
        // At rest the exact point is sealed; the plaintext columns hold it rounded to about 1 km.
        Map<String, Object> row = jdbc.queryForMap(
                "select latitude, longitude, exact_location, location_precision from orders where id = ?", id);
        assertThat(((Number) row.get("latitude")).doubleValue()).isEqualTo(PersonalDataSeal.coarse(lat));
        assertThat(((Number) row.get("longitude")).doubleValue()).isEqualTo(PersonalDataSeal.coarse(lon));
        assertThat((String) row.get("exact_location")).startsWith("v2:").doesNotContain(Double.toString(lat));
        assertThat(row.get("location_precision")).isEqualTo("ADDRESS");
        assertThat(stockOf(panel)).isEqualTo(8);
    }

    @Test
    void anOrderRefusedForTooManyUnpaidOrdersNeverAsksTheGeocoder() {
        String panel = createPanel(20, "100.00");
        String access = verifiedCustomer();
        for (int i = 0; i < 5; i++) {
            assertThat(order(access, panel, installation()).status()).isEqualTo(201);
        }
        Map<String, Object> where = installationAt(randomLat(), randomLon());
        String town = (String) where.get("city");

        Api.Response sixth = order(access, panel, where);

        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(409);
        assertThat(sixth.json().path("code").asString()).isEqualTo("too_many_unpaid_orders");
        assertThat(TestGeocoder.received()).noneMatch(r -> r.query().values().stream().anyMatch(v -> v.contains(town)));
    }

    @Test
    void unknownAddressIs400AddressNotFoundWithSuggestionsAndNothingIsStored() {
        String panel = createPanel(10, "100.00");
        String access = verifiedCustomer();
        Map<String, Object> where = new HashMap<>(installation());
        where.remove("latitude");
        where.remove("longitude");
        where.put("addressLine", "Nirgendwostraße 99");
        where.put("postalCode", "Q0000Q");
        where.put("city", "Nirgendwo Ungekannt");

        Api.Response r = order(access, panel, where);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("address_not_found");
        assertThat(r.json().path("suggestions").isArray()).as(r.toString()).isTrue();
        assertThat(ordersOf(access)).isZero();
        assertThat(stockOf(panel)).isEqualTo(10);
    }

    @Test
    void pinWithinFiveKmCorrectsThePoint() {
        double lat = randomLat();
        double lon = randomLon();
        String panel = createPanel(10, "100.00");
        String access = verifiedCustomer();
        Map<String, Object> where = new HashMap<>(installationAt(lat, lon));
        // About 2.2 km north of the geocoded point.
        where.put("latitude", lat + 0.02);
        where.put("longitude", lon);

        Api.Response r = order(access, panel, where);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("installation").path("latitude").asDouble()).isEqualTo(lat + 0.02);
        assertThat(r.json().path("installation").path("longitude").asDouble()).isEqualTo(lon);
    }

    @Test
    void pinFartherThanFiveKmIsRefusedWithPinTooFarAndNothingIsStored() {
        double lat = randomLat();
        double lon = randomLon();
        String panel = createPanel(10, "100.00");
        String access = verifiedCustomer();
        Map<String, Object> where = new HashMap<>(installationAt(lat, lon));
        // About 6.7 km north of the geocoded point.
        where.put("latitude", lat + 0.06);
        where.put("longitude", lon);

        Api.Response r = order(access, panel, where);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("pin_too_far");
        assertThat(ordersOf(access)).isZero();
        assertThat(stockOf(panel)).isEqualTo(10);
    }

    @Test
    void halfAPinIsAValidationFailure() {
        String panel = createPanel(10, "100.00");
        String access = verifiedCustomer();
        Map<String, Object> where = new HashMap<>(installation());
        where.remove("longitude");

        Api.Response r = order(access, panel, where);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(stockOf(panel)).isEqualTo(10);
    }

    @Test
    void anAddressTheGeocoderDoesNotKnowIsPlacedByTheGazetteerAndThePinCorrectsIt() {
        String panel = createPanel(10, "100.00");
        String access = verifiedCustomer();

        Api.Response pinned = order(access, panel, installation());
        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(201);
        assertThat(pinned.json().path("installation").path("latitude").asDouble()).isEqualTo(52.5170);
        assertThat(pinned.json().path("installation").path("longitude").asDouble()).isEqualTo(13.3889);
        assertThat(pinned.json().path("installation").path("precision").asString()).isIn("POSTAL_CODE", "CITY");

        Map<String, Object> unpinned = new HashMap<>(installation());
        unpinned.remove("latitude");
        unpinned.remove("longitude");
        Api.Response located = order(access, panel, unpinned);
        assertThat(located.status()).as(located.toString()).isEqualTo(201);
        // Somewhere in 10117 Berlin (Mitte).
        assertThat(located.json().path("installation").path("latitude").asDouble()).isBetween(52.49, 52.54);
        assertThat(located.json().path("installation").path("longitude").asDouble()).isBetween(13.35, 13.42);
    }

    @Test
    void placingAnOrderWhenAnonymousThen401() {
        Api.Response r = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", "x", "quantity", 1)),
                "installation", installationAt(randomLat(), randomLon())));
        assertThat(r.status()).isEqualTo(401);
    }
}
