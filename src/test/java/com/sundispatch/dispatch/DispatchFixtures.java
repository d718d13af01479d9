package com.sundispatch.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import com.sundispatch.support.TestImages;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Installers, paid orders and offers over real HTTP, each test around its own random spot on the globe. */
public abstract class DispatchFixtures extends IntegrationTest {

    protected double homeLat;
    protected double homeLon;
    /** The installation block of the last paid order (its unique address at this test's spot). */
    protected Map<String, Object> lastInstallation;

    public record Installer(String email, String access, String id) {
    }

    public record Customer(String email, String access) {
    }

    public record Paid(Customer customer, String orderId) {
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

    /** A job an installer holds, with both parties' sessions and the appointment this fixture proposes. */
    public record Held(Installer installer, Paid paid, String jobId, Instant appointment) {

        public Customer customer() {
            return paid.customer();
        }
    }

    /** An installer 1 km north of a fresh paid order (6 panels) accepted it: the job is ASSIGNED. */
    protected Held assignedJob() {
        Installer installer = installer(1);
        Paid paid = paidOrder();
        JsonNode offer = offersOf(installer).get(0);
        Api.Response accepted = api.post("/api/v1/installer/offers/" + offer.path("offerId").asString() + "/accept",
                null, installer.access());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return held(installer, paid, accepted.json().path("jobId").asString());
    }

    protected Map<String, Object> slot(Instant start, Duration length) {
        return Map.of("start", start.toString(), "end", start.plus(length).toString());
    }

    /** The installer proposes {@link Held#appointment()} for 6 hours, the customer accepts: SCHEDULED. */
    protected Held scheduledJob() {
        return schedule(assignedJob());
    }

    /** The appointment of a job just accepted: an hour into the customer's window, on the minute. */
    protected Held held(Installer installer, Paid paid, String jobId) {
        return new Held(installer, paid, jobId, windowStart().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES));
    }

    protected Held schedule(Held held) {
        Api.Response proposed = api.post("/api/v1/installer/jobs/" + held.jobId() + "/appointment/proposals",
                slot(held.appointment(), Duration.ofHours(6)), held.installer().access());
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String proposalId = proposed.json().path("scheduling").path("openProposal").path("id").asString();
        Api.Response agreed = api.post("/api/v1/installations/" + held.jobId() + "/appointment/proposals/"
                + proposalId + "/accept", null, held.customer().access());
        assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
        assertThat(agreed.json().path("status").asString()).isEqualTo("SCHEDULED");
        return held;
    }

    /** Moves the clock to {@code when} and signs both parties in again (their old tokens have expired). */
    protected Held at(Held held, Instant when) {
        clock.advance(Duration.between(clock.instant(), when));
        Installer installer = new Installer(held.installer().email(), login(held.installer().email(), PASSWORD)
                .access(), held.installer().id());
        Customer customer = new Customer(held.customer().email(), login(held.customer().email(), PASSWORD).access());
        return new Held(installer, new Paid(customer, held.paid().orderId()), held.jobId(), held.appointment());
    }

    protected Held startOnTheDay(Held scheduled) {
        Held held = at(scheduled, scheduled.appointment());
        Api.Response started = api.post("/api/v1/installer/jobs/" + held.jobId() + "/start", null,
                held.installer().access());
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return held;
    }

    protected String uploadPhoto(Held held) {
        Api.Response r = api.upload("/api/v1/installer/jobs/" + held.jobId() + "/photos", "photo", "roof.png",
                "image/png", TestImages.png(64, 48), held.installer().access());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("photoId").asString();
    }

    protected static Map<String, Object> report(int panels, List<String> photoIds) {
        List<String> serials = new ArrayList<>();
        for (int i = 1; i <= panels; i++) {
            serials.add("SN-2026-" + ThreadLocalRandom.current().nextInt(100000, 999999) + "-" + i);
        }
        Map<String, Object> checklist = Map.of("panelsMounted", true, "inverterConnected", true,
                "systemCommissioned", true, "gridDocumentsHandedOver", true);
        return Map.of("checklist", checklist, "serialNumbers", serials, "notes", "All done, roof tidy.",
                "photoIds", photoIds);
    }

    /** Started, one photo, the report submitted: AWAITING_CONFIRMATION. */
    protected Held reportedJob() {
        return submitReport(startOnTheDay(scheduledJob()));
    }

    protected Held submitReport(Held held) {
        String photo = uploadPhoto(held);
        Api.Response done = api.post("/api/v1/installer/jobs/" + held.jobId() + "/complete", report(6, List.of(photo)),
                held.installer().access());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().path("status").asString()).isEqualTo("AWAITING_CONFIRMATION");
        return held;
    }

    /** The whole way to COMPLETED: reported and confirmed by the customer. */
    protected Held completedJob() {
        return confirm(reportedJob());
    }

    protected Held confirm(Held held) {
        Api.Response confirmed = api.post("/api/v1/installations/" + held.jobId() + "/confirm", null,
                held.customer().access());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return held;
    }

    /** Every offer the application published for this installer (each one goes to its webhook). */
    protected List<OfferCreated> offersCreatedFor(String installerId) {
        return events.of(OfferCreated.class).stream().filter(e -> e.installerId().equals(installerId)).toList();
    }
}
