package com.sundispatch.dispatch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;
import com.sundispatch.dispatch.internal.Dispatcher;
import com.sundispatch.places.Locations;
import com.sundispatch.places.Point;
import com.sundispatch.shared.WebhookSignature;
import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every installer-facing event reaches the installer's webhook as a typed, signed body whose id is the event's
 * id (also sent as {@code X-SunDispatch-Event-Id}); nothing identifies the customer before acceptance; a failing
 * receiver is retried by the redelivery job with the same event id (giving up after eight attempts is
 * {@code InstallerWebhookEventsTest}: eight real backoff waits would take minutes).
 */
class InstallerWebhooksIT extends DispatchFixtures {

    private record Received(String path, String type, String eventId, String signature, JsonNode body, byte[] raw) {
    }

    @Autowired
    Dispatcher dispatcher;

    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-SunDispatch-Event"),
                    exchange.getRequestHeaders().getFirst("X-SunDispatch-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Signature"), Api.JSON.readTree(body), body));
            exchange.sendResponseHeaders(failing.get() ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        failing.set(false);
        receiver.stop(0);
    }

    /** An installer {@code kmNorth} of this test's spot with a webhook; returns it and its signing secret. */
    private Hooked hooked(double kmNorth) {
        Installer i = installer(kmNorth);
        stepUp(i.access());
        Api.Response r = api.send("PUT", "/api/v1/installer/webhook", Map.of("url", "http://receiver.test:"
                + receiver.getAddress().getPort() + "/hook/" + i.id()), i.access(), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new Hooked(i, r.json().path("secret").asString());
    }

    private record Hooked(Installer installer, String secret) {
        String id() {
            return installer.id();
        }
    }

    /** The deliveries this installer's receiver accepted, of one type, waiting until there are {@code n}. */
    private List<Received> await(Hooked h, String type, int n) {
        awaitThat(() -> of(h, type).size() >= n);
        return of(h, type);
    }

    private List<Received> of(Hooked h, String type) {
        return received.stream().filter(r -> r.path().equals("/hook/" + h.id()) && r.type().equals(type)).toList();
    }

    private static void awaitThat(BooleanSupplier condition) {
        awaitThat(condition, 15);
    }

    private static void awaitThat(BooleanSupplier condition, int seconds) {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(condition.getAsBoolean()).as("condition within " + seconds + " s").isTrue();
    }

    /** Signed with the installer's secret; the header id is the body id; the header type is the body type. */
    private void assertWellFormed(Hooked h, Received r, String type) {
        assertThat(WebhookSignature.verify(h.secret().getBytes(StandardCharsets.UTF_8), r.signature(), r.raw(),
                clock.instant())).isTrue();
        assertThat(r.eventId()).startsWith("evt_").isEqualTo(r.body().path("id").asString());
        assertThat(r.body().path("type").asString()).isEqualTo(type);
        assertThat(Instant.parse(r.body().path("createdAt").asString())).isNotNull();
    }

    private List<JsonNode> deliveries(Installer i) {
        List<JsonNode> list = new ArrayList<>();
        api.get("/api/v1/installer/webhook/deliveries", i.access()).json().forEach(list::add);
        return list;
    }

    private String acceptFirstOffer(Hooked h) {
        String offerId = offersOf(h.installer()).get(0).path("offerId").asString();
        Api.Response accepted = api.post("/api/v1/installer/offers/" + offerId + "/accept", null,
                h.installer().access());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return offerId;
    }

    @Test
    void offerCreatedCarriesPlaceDistanceWindowSizeAndExpiryButNoCustomerData() {
        Hooked h = hooked(1);
        Paid paid = paidOrder();

        Received r = await(h, "offer.created", 1).get(0);

        assertWellFormed(h, r, "offer.created");
        OfferCreated event = offersCreatedFor(h.id()).get(0);
        assertThat(r.eventId()).isEqualTo(event.eventId());
        JsonNode data = r.body().path("data");
        assertThat(data.path("offerId").asString()).isEqualTo(event.offerId())
                .isEqualTo(offersOf(h.installer()).get(0).path("offerId").asString());
        assertThat(data.path("jobId").asString()).isEqualTo(event.jobId());
        assertThat(data.path("city").asString()).isEqualTo(lastInstallation.get("city"));
        assertThat(data.path("postalCode").asString()).isEqualTo(lastInstallation.get("postalCode"));
        assertThat(data.path("country").asString()).isEqualTo("DE");
        // Whole km, and a point on the ~1 km grid rather than the home's.
        assertThat(data.path("distanceKm").isIntegralNumber()).isTrue();
        assertThat(data.path("distanceKm").asInt()).isEqualTo(shownKm(1));
        Point coarse = Locations.coarse(homeLat, homeLon);
        assertThat(data.path("approximateLocation").path("latitude").asDouble()).isEqualTo(coarse.latitude());
        assertThat(data.path("approximateLocation").path("longitude").asDouble()).isEqualTo(coarse.longitude());
        assertThat(Instant.parse(data.path("window").path("start").asString())).isEqualTo(event.windowStart());
        assertThat(Instant.parse(data.path("window").path("end").asString())).isEqualTo(event.windowEnd());
        assertThat(data.path("panelCount").asInt()).isEqualTo(6);
        assertThat(Instant.parse(data.path("expiresAt").asString())).isEqualTo(event.expiresAt());
        String customerId = api.get("/api/v1/me", paid.customer().access()).json().path("id").asString();
        assertThat(new String(r.raw(), StandardCharsets.UTF_8)).doesNotContain(
                (String) lastInstallation.get("addressLine"), "Ada", paid.customer().email(), customerId,
                paid.orderId());
        assertThat(data.propertyNames()).containsExactlyInAnyOrder("offerId", "jobId", "city", "postalCode",
                "country", "distanceKm", "approximateLocation", "window", "panelCount", "expiresAt");
        awaitThat(() -> !deliveries(h.installer()).isEmpty());
        JsonNode attempt = deliveries(h.installer()).get(0);
        assertThat(attempt.path("eventId").asString()).isEqualTo(event.eventId());
        assertThat(attempt.path("outcome").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void acceptingSendsJobAssignedToTheWinnerAndOfferTakenToEveryOtherOpenOffer() {
        Hooked winner = hooked(1);
        Hooked other = hooked(2);
        Hooked third = hooked(3);
        paidOrder();
        await(other, "offer.created", 1);
        String otherOfferId = offersOf(other.installer()).get(0).path("offerId").asString();

        String offerId = acceptFirstOffer(winner);

        Received assigned = await(winner, "job.assigned", 1).get(0);
        assertWellFormed(winner, assigned, "job.assigned");
        JsonNode data = assigned.body().path("data");
        JobAssigned event = events.of(JobAssigned.class).stream()
                .filter(e -> e.eventId().equals(assigned.eventId())).findFirst().orElseThrow();
        assertThat(data.path("jobId").asString()).isEqualTo(event.jobId());
        assertThat(data.path("offerId").asString()).isEqualTo(offerId);
        assertThat(Instant.parse(data.path("window").path("start").asString())).isEqualTo(event.windowStart());
        assertThat(Instant.parse(data.path("assignedAt").asString())).isEqualTo(event.assignedAt());
        assertThat(event.companyName()).isEqualTo("Sun & Sons GmbH");
        assertThat(event.installerName()).isEqualTo("Ada Lovelace");
        assertThat(event.averageRating()).isNull();
        assertThat(event.reviewCount()).isZero();

        Received taken = await(other, "offer.taken", 1).get(0);
        assertWellFormed(other, taken, "offer.taken");
        assertThat(taken.body().path("data").path("offerId").asString()).isEqualTo(otherOfferId);
        assertThat(taken.body().path("data").path("jobId").asString()).isEqualTo(event.jobId());
        assertThat(await(third, "offer.taken", 1)).hasSize(1);
        assertThat(of(winner, "offer.taken")).isEmpty();
        assertThat(events.of(OfferTaken.class)).filteredOn(e -> e.jobId().equals(event.jobId())).hasSize(2);
    }

    @Test
    void anOfferLeftToRunOutSendsOfferExpired() {
        Hooked h = hooked(1);
        paidOrder();
        String offerId = await(h, "offer.created", 1).get(0).body().path("data").path("offerId").asString();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        dispatcher.expireOffers();

        Received r = await(h, "offer.expired", 1).get(0);
        assertWellFormed(h, r, "offer.expired");
        assertThat(r.body().path("data").path("offerId").asString()).isEqualTo(offerId);
        assertThat(r.body().path("data").path("expiredAt").asString()).isNotBlank();
    }

    @Test
    void cancellingAnAcceptedJobsOrderSendsJobCancelled() {
        Hooked h = hooked(1);
        Paid paid = paidOrder();
        acceptFirstOffer(h);
        String jobId = await(h, "job.assigned", 1).get(0).body().path("data").path("jobId").asString();

        assertThat(api.post("/api/v1/orders/" + paid.orderId() + "/cancel", null, paid.customer().access())
                .status()).isEqualTo(200);

        Received r = await(h, "job.cancelled", 1).get(0);
        assertWellFormed(h, r, "job.cancelled");
        assertThat(r.body().path("data").path("jobId").asString()).isEqualTo(jobId);
        assertThat(r.body().path("data").path("cancelledAt").asString()).isNotBlank();
    }

    @Test
    void aReviewOfTheCompletedJobSendsReviewReceivedWithRatingAndComment() {
        Hooked h = hooked(1);
        Paid paid = paidOrder();
        acceptFirstOffer(h);
        String jobId = await(h, "job.assigned", 1).get(0).body().path("data").path("jobId").asString();
        Held done = confirm(submitReport(startOnTheDay(schedule(held(h.installer(), paid, jobId)))));

        assertThat(api.post("/api/v1/installations/" + jobId + "/review",
                Map.of("rating", 4, "comment", "Tidy work, on time."), done.customer().access()).status())
                .isEqualTo(201);

        Received r = await(h, "review.received", 1).get(0);
        assertWellFormed(h, r, "review.received");
        JsonNode data = r.body().path("data");
        assertThat(data.path("jobId").asString()).isEqualTo(jobId);
        assertThat(data.path("reviewId").asString()).isEqualTo(jobId);
        assertThat(data.path("rating").asInt()).isEqualTo(4);
        assertThat(data.path("comment").asString()).isEqualTo("Tidy work, on time.");
    }

    @Test
    void aFailingReceiverIsRetriedByTheRedeliveryJobWithTheSameEventIdUntilItAccepts() {
        Hooked h = hooked(1);
        failing.set(true);
        paidOrder();
        awaitThat(() -> received.stream().filter(r -> r.path().equals("/hook/" + h.id())).count() >= 2);

        failing.set(false);

        List<Received> all = await(h, "offer.created", 3);
        awaitThat(() -> deliveries(h.installer()).stream()
                .anyMatch(d -> d.path("outcome").asString().equals("SUCCEEDED")));
        List<Received> offers = of(h, "offer.created");
        assertThat(offers).extracting(Received::eventId).containsOnly(all.get(0).eventId());
        assertThat(offers).extracting(r -> r.body().path("id").asString()).containsOnly(all.get(0).eventId());
        // Byte for byte the same body each time (only the signature's timestamp may differ).
        assertThat(offers).extracting(r -> new String(r.raw(), StandardCharsets.UTF_8)).containsOnly(
                new String(all.get(0).raw(), StandardCharsets.UTF_8));
        List<JsonNode> attempts = deliveries(h.installer());
        assertThat(attempts.get(0).path("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(attempts.subList(1, attempts.size())).extracting(d -> d.path("outcome").asString())
                .containsOnly("FAILED");
        assertThat(attempts).extracting(d -> d.path("attempt").asInt()).startsWith(attempts.size())
                .endsWith(1);
        assertThat(attempts).extracting(d -> d.path("eventId").asString()).containsOnly(all.get(0).eventId());
        assertThat(attempts.get(attempts.size() - 1).path("httpStatus").asInt()).isEqualTo(503);
    }
}
