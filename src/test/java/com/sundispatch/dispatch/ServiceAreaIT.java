package com.sundispatch.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** An installer's service area is a base address (geocoded, optionally pin-corrected) and a radius. */
class ServiceAreaIT extends DispatchFixtures {

    private static final String AREA = "/api/v1/installer/service-area";

    private Api.Response put(String access, Map<String, Object> body) {
        return api.send("PUT", AREA, body, access, Map.of());
    }

    @Test
    void applicationCarriesTheBaseAddressAndTheApprovedInstallerSeesItAsTheServiceArea() {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        Map<String, Object> base = baseAddressAt(homeLat, homeLon);
        Api.Response applied = api.post("/api/v1/installers/applications", Map.of("companyName", "Area Solar",
                "licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999), "baseAddress", base,
                "serviceRadiusKm", 35, "phone", "+49 30 5550100"), access);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.json().path("baseAddress").path("addressLine").asString()).isEqualTo(base.get("addressLine"));
        assertThat(applied.json().path("baseAddress").path("postalCode").asString()).isEqualTo(base.get("postalCode"));
        assertThat(applied.json().path("baseLatitude").asDouble()).isEqualTo(homeLat);
        assertThat(applied.json().path("baseLongitude").asDouble()).isEqualTo(homeLon);
        String appId = applied.json().path("id").asString();
        JsonNode mine = api.get("/api/v1/installers/applications", access).json().path("items").get(0);
        assertThat(mine.path("baseAddress").path("city").asString()).isEqualTo(base.get("city"));
        assertThat(api.post("/api/v1/admin/installers/applications/" + appId + "/approve", Map.of(), adminToken())
                .status()).isEqualTo(200);

        Api.Response area = api.get(AREA, login(email, PASSWORD).access());

        assertThat(area.status()).as(area.toString()).isEqualTo(200);
        assertThat(area.json().path("baseAddress").path("addressLine").asString()).isEqualTo(base.get("addressLine"));
        assertThat(area.json().path("baseAddress").path("postalCode").asString()).isEqualTo(base.get("postalCode"));
        assertThat(area.json().path("baseAddress").path("city").asString()).isEqualTo(base.get("city"));
        assertThat(area.json().path("baseAddress").path("country").asString()).isEqualTo("DE");
        assertThat(area.json().path("latitude").asDouble()).isEqualTo(homeLat);
        assertThat(area.json().path("longitude").asDouble()).isEqualTo(homeLon);
        assertThat(area.json().path("serviceRadiusKm").asInt()).isEqualTo(35);
    }

    @Test
    void movingTheServiceAreaAwayMeansNoMoreOffersFromHere() {
        Installer installer = installer(1);
        // About 300 km north: out of every dispatch round for this test's spot.
        Map<String, Object> far = baseAddressAt(homeLat + 2.7, homeLon);

        Api.Response moved = put(installer.access(), Map.of("baseAddress", far, "serviceRadiusKm", 20));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("latitude").asDouble()).isEqualTo(homeLat + 2.7);
        assertThat(moved.json().path("serviceRadiusKm").asInt()).isEqualTo(20);
        assertThat(moved.json().path("baseAddress").path("postalCode").asString()).isEqualTo(far.get("postalCode"));
        assertThat(api.get(AREA, installer.access()).json().path("latitude").asDouble()).isEqualTo(homeLat + 2.7);
        paidOrder();
        assertThat(offersOf(installer)).isEmpty();
    }

    @Test
    void aPinWithinFiveKmIsUsedAndAFartherOneIsRefusedLeavingTheAreaAsItWas() {
        Installer installer = installer(1);
        double lat = homeLat + 0.5;
        Map<String, Object> base = baseAddressAt(lat, homeLon);

        Api.Response near = put(installer.access(), Map.of("baseAddress", base, "baseLatitude", lat + 0.02,
                "baseLongitude", homeLon, "serviceRadiusKm", 40));
        assertThat(near.status()).as(near.toString()).isEqualTo(200);
        assertThat(near.json().path("latitude").asDouble()).isEqualTo(lat + 0.02);

        Api.Response far = put(installer.access(), Map.of("baseAddress", base, "baseLatitude", lat + 0.06,
                "baseLongitude", homeLon, "serviceRadiusKm", 10));
        assertThat(far.status()).as(far.toString()).isEqualTo(400);
        assertThat(far.code()).isEqualTo("pin_too_far");
        JsonNode kept = api.get(AREA, installer.access()).json();
        assertThat(kept.path("latitude").asDouble()).isEqualTo(lat + 0.02);
        assertThat(kept.path("serviceRadiusKm").asInt()).isEqualTo(40);
    }

    @Test
    void serviceAreaValidation() {
        Installer installer = installer(1);
        Map<String, Object> base = baseAddressAt(homeLat, homeLon);
        Map<String, Object> valid = Map.of("baseAddress", base, "serviceRadiusKm", 30);
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(Map.entry("serviceRadiusKm", 0),
                Map.entry("serviceRadiusKm", 201), Map.entry("baseLatitude", 12.0), Map.entry("baseLatitude", 95.0),
                Map.entry("baseAddress", Map.of("postalCode", "10117", "city", "Berlin")),
                Map.entry("baseAddress", Map.of("postalCode", "10117", "city", "Berlin", "country", "de")),
                Map.entry("baseAddress", Map.of("postalCode", "<x>", "city", "Berlin", "country", "DE")),
                Map.entry("surprise", "field"))) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put(bad.getKey(), bad.getValue());
            Api.Response r = put(installer.access(), body);
            assertThat(r.status()).as(bad + " " + r).isEqualTo(400);
            assertThat(r.code()).as(bad.toString()).isEqualTo("validation_failed");
        }
        Map<String, Object> noRadius = new HashMap<>(valid);
        noRadius.remove("serviceRadiusKm");
        assertThat(put(installer.access(), noRadius).code()).isEqualTo("validation_failed");

        Api.Response unknown = put(installer.access(), Map.of("baseAddress", Map.of("addressLine", "Nirgendweg 7",
                "postalCode", "Q0000Q", "city", "Nirgendwo Ungekannt", "country", "DE"), "serviceRadiusKm", 30));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("address_not_found");
        assertThat(unknown.json().path("suggestions").isArray()).isTrue();
        assertThat(api.get(AREA, installer.access()).json().path("serviceRadiusKm").asInt()).isEqualTo(50);
    }

    @Test
    void serviceAreaWhenAnonymousThen401AndForACustomerThen403() {
        Map<String, Object> body = Map.of("baseAddress", baseAddressAt(homeLat, homeLon), "serviceRadiusKm", 30);
        assertThat(api.get(AREA).status()).isEqualTo(401);
        assertThat(api.send("PUT", AREA, body, null, Map.of()).status()).isEqualTo(401);
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        assertThat(api.get(AREA, customer).status()).isEqualTo(403);
        assertThat(put(customer, body).status()).isEqualTo(403);
    }

    @Test
    void applyingWithAnUnknownAddressIs400AndStoresNoApplication() {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        Api.Response r = api.post("/api/v1/installers/applications", Map.of("companyName", "Nowhere Solar",
                "licenseNumber", "LIC-424242", "baseAddress", Map.of("postalCode", "Q0000Q", "city",
                        "Nirgendwo Ungekannt", "country", "DE"), "serviceRadiusKm", 30, "phone", "+49 30 5550100"),
                access);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("address_not_found");
        assertThat(api.get("/api/v1/installers/applications", access).json().path("totalItems").asLong()).isZero();

        Api.Response tooFar = api.post("/api/v1/installers/applications", Map.of("companyName", "Pin Solar",
                "licenseNumber", "LIC-434343", "baseAddress", baseAddressAt(homeLat, homeLon), "baseLatitude",
                homeLat + 0.06, "baseLongitude", homeLon, "serviceRadiusKm", 30, "phone", "+49 30 5550100"), access);
        assertThat(tooFar.code()).isEqualTo("pin_too_far");
        assertThat(api.get("/api/v1/installers/applications", access).json().path("totalItems").asLong()).isZero();
    }
}
