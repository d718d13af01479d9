package com.sundispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.sun.net.httpserver.HttpServer;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.WebhookSignature;
import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

/**
 * The installation's life cycle reaches the installer's webhook: each event as a typed body signed with the
 * installer's secret, its id the event's, only to the job's installer, and an appointment proposal only when it
 * is the customer's. The events are published here as dispatch publishes them (inside a transaction), so this
 * does not depend on how dispatch gets there.
 */
class InstallationWebhooksIT extends DispatchFixtures {

    private static final String ZONE = "Europe/Vienna";
    private static final Instant START = Instant.parse("2026-12-10T08:00:00Z");

    private record Received(String path, String type, String eventId, String signature, JsonNode body, byte[] raw) {
    }

    private record Hooked(Installer installer, String secret) {
        String id() {
            return installer.id();
        }
    }

    @Autowired
    private ApplicationEventPublisher publisher;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private JdbcTemplate jdbc;

    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-SunDispatch-Event"),
                    exchange.getRequestHeaders().getFirst("X-SunDispatch-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Signature"), Api.JSON.readTree(body), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private Hooked hooked(double kmNorth) {
        Installer i = installer(kmNorth);
        stepUp(i.access());
        Api.Response r = api.send("PUT", "/api/v1/installer/webhook", Map.of("url", "http://receiver.test:"
                + receiver.getAddress().getPort() + "/hook/" + i.id()), i.access(), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new Hooked(i, r.json().path("secret").asString());
    }

    private void publish(Object event, String eventId) {
        transactions.executeWithoutResult(s -> publisher.publishEvent(event));
        published.add(eventId);
    }

    /** Until every delivery of the events published so far is done (completed publications are deleted). */
    private void awaitAllDelivered() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            long owed = published.stream().mapToLong(id -> jdbc.queryForObject(
                    "select count(*) from EVENT_PUBLICATION where completion_date is null and serialized_event like ?",
                    Long.class, "%" + id + "%")).sum();
            if (owed == 0) {
                return;
            }
            assertThat(Instant.now()).as("deliveries still owed: " + owed).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private List<Received> of(Hooked h, String type) {
        return received.stream().filter(r -> r.path().equals("/hook/" + h.id()) && r.type().equals(type)).toList();
    }

    /** The one delivery of this event, signed with the installer's secret, header and body agreeing. */
    private JsonNode delivered(Hooked h, String type, String eventId) {
        List<Received> all = of(h, type);
        assertThat(all).as(type).hasSize(1);
        Received r = all.get(0);
        assertThat(WebhookSignature.verify(h.secret().getBytes(StandardCharsets.UTF_8), r.signature(), r.raw(),
                clock.instant())).isTrue();
        assertThat(r.eventId()).isEqualTo(eventId).isEqualTo(r.body().path("id").asString());
        assertThat(r.body().path("type").asString()).isEqualTo(type);
        return r.body();
    }

    @Test
    void everyStepOfTheInstallationReachesTheJobsInstallerSignedAndTyped() {
        Hooked h = hooked(1);
        Hooked other = hooked(2);
        String customerId = UUID.randomUUID().toString();
        String jobId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant end = START.plus(Duration.ofHours(8));

        String own = EventIds.next();
        publish(new AppointmentProposed(own, jobId, orderId, customerId, h.id(), "proposal-1", Actor.INSTALLER, START,
                end, ZONE, now), own);
        String proposed = EventIds.next();
        publish(new AppointmentProposed(proposed, jobId, orderId, customerId, h.id(), "proposal-2", Actor.CUSTOMER,
                START, end, ZONE, now), proposed);
        String agreed = EventIds.next();
        publish(new AppointmentAgreed(agreed, jobId, orderId, customerId, h.id(), "Sun & Sons GmbH", Actor.INSTALLER,
                START, end, ZONE, now), agreed);
        String reschedule = EventIds.next();
        publish(new RescheduleRequested(reschedule, jobId, orderId, customerId, h.id(), Actor.CUSTOMER, START,
                "<b>x</b> We are away that week.", ZONE, now), reschedule);
        String disputed = EventIds.next();
        publish(new JobDisputed(disputed, jobId, orderId, customerId, h.id(), "Sun & Sons GmbH",
                "Two panels are loose.", now), disputed);
        String resolved = EventIds.next();
        publish(new DisputeResolved(resolved, jobId, orderId, customerId, h.id(), DisputeResolved.Outcome.REWORK,
                "Fix the mounting.", now), resolved);
        String completed = EventIds.next();
        publish(new JobCompleted(completed, jobId, orderId, customerId, h.id(), "Sun & Sons GmbH", now,
                Actor.SYSTEM), completed);
        String legacy = EventIds.next();
        publish(new JobCompleted(legacy, UUID.randomUUID().toString(), orderId, customerId, h.id(), "Sun & Sons GmbH",
                now, null), legacy);
        // What is the homeowner's alone sends nothing to the installer.
        String submitted = EventIds.next();
        publish(new CompletionSubmitted(submitted, jobId, orderId, customerId, h.id(), "Sun & Sons GmbH", 3,
                now.plus(Duration.ofDays(7)), now), submitted);
        awaitAllDelivered();

        JsonNode p = delivered(h, "appointment.proposed", proposed).path("data");
        assertThat(p.path("jobId").asString()).isEqualTo(jobId);
        assertThat(p.path("proposalId").asString()).isEqualTo("proposal-2");
        assertThat(p.path("proposedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(Instant.parse(p.path("start").asString())).isEqualTo(START);
        assertThat(Instant.parse(p.path("end").asString())).isEqualTo(end);
        assertThat(p.path("timeZone").asString()).isEqualTo(ZONE);
        assertThat(p.propertyNames()).containsExactlyInAnyOrder("jobId", "proposalId", "proposedBy", "start", "end",
                "timeZone", "proposedAt");

        JsonNode a = delivered(h, "appointment.agreed", agreed).path("data");
        assertThat(a.path("agreedBy").asString()).isEqualTo("INSTALLER");
        assertThat(Instant.parse(a.path("start").asString())).isEqualTo(START);
        assertThat(a.path("timeZone").asString()).isEqualTo(ZONE);

        JsonNode r = delivered(h, "appointment.reschedule", reschedule).path("data");
        assertThat(r.path("requestedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(Instant.parse(r.path("previousStart").asString())).isEqualTo(START);
        assertThat(r.path("reason").asString()).isEqualTo("<b>x</b> We are away that week.");

        JsonNode d = delivered(h, "job.disputed", disputed).path("data");
        assertThat(d.path("jobId").asString()).isEqualTo(jobId);
        assertThat(d.path("reason").asString()).isEqualTo("Two panels are loose.");

        JsonNode s = delivered(h, "job.dispute_resolved", resolved).path("data");
        assertThat(s.path("outcome").asString()).isEqualTo("REWORK");
        assertThat(s.path("note").asString()).isEqualTo("Fix the mounting.");

        List<Received> completions = of(h, "job.completed");
        assertThat(completions).extracting(Received::eventId).containsExactlyInAnyOrder(completed, legacy);
        for (Received c : completions) {
            assertThat(c.body().path("data").path("confirmedBy").asString())
                    .isEqualTo(c.eventId().equals(completed) ? "SYSTEM" : "CUSTOMER");
            assertThat(c.body().path("data").propertyNames()).containsExactlyInAnyOrder("jobId", "confirmedBy",
                    "completedAt");
        }

        // Nothing identifies the customer beyond what the installer sees on the job; the order stays the platform's.
        received.forEach(x -> assertThat(new String(x.raw(), StandardCharsets.UTF_8)).doesNotContain(customerId,
                orderId));
        assertThat(received).extracting(Received::eventId).doesNotContain(own, submitted);
        assertThat(received).filteredOn(x -> x.path().equals("/hook/" + other.id())).isEmpty();
        assertThat(received).hasSize(7);
    }
}
