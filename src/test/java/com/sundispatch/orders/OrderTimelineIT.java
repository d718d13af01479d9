package com.sundispatch.orders;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The times an order page's timeline shows (issue 18): the order says when it was cancelled, its installation
 * when an installer was assigned, when work started and when it was confirmed, each null until it happened.
 */
class OrderTimelineIT extends DispatchFixtures {

    @Test
    void theInstallationSaysWhenItWasAssignedStartedAndConfirmed() {
        Held assigned = assignedJob();
        JsonNode early = installationOf(assigned.paid());
        assertThat(early.path("assignedAt").isString()).as(early.toString()).isTrue();
        assertThat(early.path("startedAt").isNull()).as(early.toString()).isTrue();
        assertThat(early.path("completedAt").isNull()).as(early.toString()).isTrue();

        Held done = confirm(submitReport(startOnTheDay(schedule(assigned))));
        JsonNode late = installationOf(done.paid());
        Instant assignedAt = Instant.parse(late.path("assignedAt").asString());
        Instant startedAt = Instant.parse(late.path("startedAt").asString());
        Instant completedAt = Instant.parse(late.path("completedAt").asString());
        assertThat(assignedAt).isEqualTo(Instant.parse(early.path("assignedAt").asString()));
        assertThat(startedAt).isAfter(assignedAt);
        assertThat(completedAt).isAfterOrEqualTo(startedAt).isBeforeOrEqualTo(clock.instant());
    }

    @Test
    void aCancelledOrderSaysWhenItWasCancelled() {
        Paid paid = paidOrder();
        JsonNode before = api.get("/api/v1/orders/" + paid.orderId(), paid.customer().access()).json();
        assertThat(before.path("cancelledAt").isNull()).as(before.toString()).isTrue();
        Instant from = clock.instant();
        Api.Response cancelled = api.post("/api/v1/orders/" + paid.orderId() + "/cancel", null, paid.customer().access());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(Instant.parse(cancelled.json().path("cancelledAt").asString())).isBetween(from, clock.instant());
        JsonNode after = api.get("/api/v1/orders/" + paid.orderId(), paid.customer().access()).json();
        assertThat(after.path("cancelledAt").asString()).isEqualTo(cancelled.json().path("cancelledAt").asString());
    }

    private JsonNode installationOf(Paid paid) {
        Api.Response r = api.get("/api/v1/orders/" + paid.orderId() + "/installation", paid.customer().access());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
