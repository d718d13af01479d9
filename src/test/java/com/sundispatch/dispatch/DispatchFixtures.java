package com.sundispatch.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;

import com.sundispatch.places.Locations;
import com.sundispatch.places.Point;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Installers, paid orders and offers over real HTTP, each test around its own random spot on the globe. */
public abstract class DispatchFixtures extends IntegrationTest {

    protected double homeLat;
    protected double homeLon;
    /** The installation block of the last paid order (its unique address at this test's spot). */
    protected Map<String, Object> lastInstallation;

    protected record Installer(String email, String access, String id) {
    }

    protected record Customer(String email, String access) {
    }

    protected record Paid(Customer customer, String orderId) {
    }

    @BeforeEach
    void somewhere() {
        homeLat = ThreadLocalRandom.current().nextDouble(-55, 55);
        homeLon = ThreadLocalRandom.current().nextDouble(-170, 170);
    }

    /**
     * The distance an installer {@code kmNorth} of this test's spot is shown before accepting: from their base to
     * the centre of the home's ~1 km grid cell, in whole km (never the real distance, rounded).
     */
    protected int shownKm(double kmNorth) {
        Point cell = Locations.coarse(homeLat, homeLon);
        return Locations.roundedKm(Locations.distanceKm(cell.latitude(), cell.longitude(), homeLat + kmNorth / 111.2,
                homeLon));
    }

    protected Instant windowStart() {
        return clock.instant().plus(Duration.ofDays(7));
    }

    protected Installer installer(double kmNorth) {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        Api.Response applied = api.post("/api/v1/installers/applications", Map.of("companyName", "Sun & Sons GmbH",
                "licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999),
                "baseAddress", baseAddressAt(homeLat + kmNorth / 111.2, homeLon), "serviceRadiusKm", 50,
                "phone", "+49 30 5550100"), access);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        Api.Response approved = api.post("/api/v1/admin/installers/applications/" + applied.json().path("id")
                .asString() + "/approve", Map.of(), adminToken());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        Tokens fresh = login(email, PASSWORD);
        String id = api.get("/api/v1/me", fresh.access()).json().path("id").asString();
        Api.Response slots = api.send("PUT", "/api/v1/installer/availability", Map.of("slots", List.of(Map.of(
                "start", windowStart().minus(Duration.ofDays(1)).toString(),
                "end", windowStart().plus(Duration.ofDays(3)).toString()))), fresh.access(), Map.of());
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        return new Installer(email, fresh.access(), id);
    }

    protected Paid paidOrder() {
        return paidOrder(windowStart());
    }

    protected Paid paidOrder(Instant start) {
        String panel = createPanel(50, "100.00");
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        Map<String, Object> where = new HashMap<>(installationAt(homeLat, homeLon));
        lastInstallation = where;
        where.put("preferredStart", start.toString());
        where.put("preferredEnd", start.plus(Duration.ofHours(8)).toString());
        Api.Response order = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel,
                "quantity", 6)), "installation", where), t.access());
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.json().path("id").asString();
        String paymentId = api.post("/api/v1/orders/" + orderId + "/payments", null, t.access()).json()
                .path("paymentId").asString();
        Api.Response confirmed = api.post("/api/v1/payments/sandbox/" + paymentId + "/confirm", Map.of(), t.access());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return new Paid(new Customer(email, t.access()), orderId);
    }

    protected List<JsonNode> offersOf(Installer i) {
        Api.Response r = api.get("/api/v1/installer/offers", i.access());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.json().forEach(list::add);
        return list;
    }

    protected String orderStatus(Paid p) {
        return api.get("/api/v1/orders/" + p.orderId(), p.customer().access()).json().path("status").asString();
    }

    /** Every offer the application published for this installer (each one goes to its webhook). */
    protected List<OfferCreated> offersCreatedFor(String installerId) {
        return events.of(OfferCreated.class).stream().filter(e -> e.installerId().equals(installerId)).toList();
    }
}
