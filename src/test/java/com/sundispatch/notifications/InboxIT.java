package com.sundispatch.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sundispatch.notifications.internal.Inbox;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;

import tools.jackson.databind.JsonNode;

/** The in-app inbox and notification preferences over real HTTP. */
class InboxIT extends IntegrationTest {

    @Autowired
    private Inbox inbox;

    /** A customer with one cancelled order: ORDER_CANCELLED lands in their inbox. */
    private record Customer(String email, String access, String orderId) {
    }

    private Customer customerWithCancelledOrder() {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        String orderId = placeOrder(access, createPanel(5, "200.00"), 1).json().path("id").asString();
        Api.Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", null, access);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        return new Customer(email, access, orderId);
    }

    private JsonNode awaitInbox(String access, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            Api.Response r = api.get("/api/v1/me/notifications", access);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            if (r.json().path("items").size() >= atLeast || Instant.now().isAfter(deadline)) {
                return r.json();
            }
            pause();
        }
    }

    private static JsonNode find(JsonNode preferences, String category, String channel) {
        for (JsonNode p : preferences) {
            if (p.path("category").asString().equals(category) && p.path("channel").asString().equals(channel)) {
                return p;
            }
        }
        throw new AssertionError("No preference " + category + "/" + channel + " in " + preferences);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Both notifications of the order: its confirmation and its cancellation. */
    private JsonNode awaitBoth(Customer c) {
        return awaitInbox(c.access(), 2);
    }

    private static JsonNode ofKind(JsonNode inbox, String kind) {
        for (JsonNode item : inbox.path("items")) {
            if (item.path("kind").asString().equals(kind)) {
                return item;
            }
        }
        throw new AssertionError("No " + kind + " in " + inbox);
    }

    @Test
    void inboxWhenOrderPlacedAndCancelledThenBothAreThereUnreadNewestFirst() {
        Customer c = customerWithCancelledOrder();
        JsonNode inbox = awaitBoth(c);
        assertThat(inbox.path("items").size()).isEqualTo(2);
        assertThat(inbox.path("items").get(0).path("createdAt").asString())
                .isGreaterThanOrEqualTo(inbox.path("items").get(1).path("createdAt").asString());
        ofKind(inbox, "ORDER_PLACED");
        JsonNode item = ofKind(inbox, "ORDER_CANCELLED");
        assertThat(item.path("kind").asString()).isEqualTo("ORDER_CANCELLED");
        assertThat(item.path("category").asString()).isEqualTo("ORDERS");
        assertThat(item.path("title").asString()).contains(c.orderId().substring(0, 8).toUpperCase());
        assertThat(item.path("link").asString()).startsWith("/#/");
        assertThat(item.path("readAt").isNull()).isTrue();
        assertThat(inbox.path("unreadCount").asLong()).isEqualTo(inbox.path("totalItems").asLong());
        assertThat(inbox.path("page").asInt()).isZero();
    }

    @Test
    void pollWhenNothingChangedThen304AndAfterAReadMarkThe200() {
        Customer c = customerWithCancelledOrder();
        awaitBoth(c);
        Api.Response first = api.get("/api/v1/me/notifications", c.access());
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        assertThat(first.header("Cache-Control")).contains("no-store");

        Api.Response again = api.send("GET", "/api/v1/me/notifications", null, c.access(),
                Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        String id = first.json().path("items").get(0).path("id").asString();
        assertThat(api.post("/api/v1/me/notifications/" + id + "/read", null, c.access()).status())
                .isEqualTo(204);
        Api.Response changed = api.send("GET", "/api/v1/me/notifications", null, c.access(),
                Map.of("If-None-Match", etag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().path("items").get(0).path("readAt").isNull()).isFalse();
        assertThat(changed.json().path("unreadCount").asLong()).isEqualTo(1);
    }

    @Test
    void markAllReadThenUnreadCountIsZero() {
        Customer c = customerWithCancelledOrder();
        awaitBoth(c);
        assertThat(api.post("/api/v1/me/notifications/read-all", null, c.access()).status()).isEqualTo(204);
        JsonNode inbox = api.get("/api/v1/me/notifications", c.access()).json();
        assertThat(inbox.path("unreadCount").asLong()).isZero();
        inbox.path("items").forEach(i -> assertThat(i.path("readAt").isNull()).isFalse());
    }

    @Test
    void someoneElsesNotificationIsNotFoundAndNeverListed() {
        Customer owner = customerWithCancelledOrder();
        String id = ofKind(awaitBoth(owner), "ORDER_CANCELLED").path("id").asString();
        String other = login(registerVerifiedCustomer(), PASSWORD).access();

        Api.Response read = api.post("/api/v1/me/notifications/" + id + "/read", null, other);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("not_found");
        assertThat(api.get("/api/v1/me/notifications", other).json().path("items").toString()).doesNotContain(id);
        // The owner's item is still unread: the foreign attempt changed nothing.
        assertThat(ofKind(api.get("/api/v1/me/notifications", owner.access()).json(), "ORDER_CANCELLED")
                .path("readAt").isNull()).isTrue();
    }

    @Test
    void readNotificationsArePurgedAfterTheRetentionAndUnreadOnesLater() {
        Customer c = customerWithCancelledOrder();
        String id = ofKind(awaitBoth(c), "ORDER_CANCELLED").path("id").asString();
        api.post("/api/v1/me/notifications/" + id + "/read", null, c.access());

        clock.advance(Duration.ofDays(366));
        inbox.purge();
        String access = login(c.email(), PASSWORD).access();
        assertThat(api.get("/api/v1/me/notifications", access).json().path("items").toString()).doesNotContain(id);
    }

    @Test
    void inboxWhenAnonymousThen401() {
        assertThat(api.get("/api/v1/me/notifications").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/me/notifications/read-all", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/notification-preferences").status()).isEqualTo(401);
    }

    @Test
    void inboxPagingIsValidated() {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        assertThat(api.get("/api/v1/me/notifications?page=-1", access).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me/notifications?size=0", access).status()).isEqualTo(400);
        Api.Response big = api.get("/api/v1/me/notifications?size=500", access);
        assertThat(big.status()).isEqualTo(200);
        assertThat(big.json().path("size").asInt()).isEqualTo(50);
        assertThat(api.get("/api/v1/me/notifications?page=abc", access).status()).isEqualTo(400);
    }

    @Test
    void preferencesWhenCustomerThenTheirCategoriesWithLockedOnes() {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        JsonNode prefs = api.get("/api/v1/me/notification-preferences", access).json().path("preferences");
        assertThat(prefs.size()).isEqualTo(4 * 3);
        assertThat(prefs.toString()).doesNotContain("OFFERS", "ADMIN");
        assertThat(find(prefs, "SECURITY", "EMAIL").path("locked").asBoolean()).isTrue();
        assertThat(find(prefs, "ORDERS", "EMAIL").path("locked").asBoolean()).isTrue();
        assertThat(find(prefs, "REVIEWS", "EMAIL").path("locked").asBoolean()).isFalse();
        prefs.forEach(p -> assertThat(p.path("enabled").asBoolean()).isTrue());
    }

    @Test
    void preferencesWhenReviewMailsTurnedOffThenItStaysOff() {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        Api.Response r = api.send("PUT", "/api/v1/me/notification-preferences", Map.of("preferences",
                List.of(Map.of("category", "REVIEWS", "channel", "EMAIL", "enabled", false))), access, Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(find(r.json().path("preferences"), "REVIEWS", "EMAIL").path("enabled").asBoolean()).isFalse();
        JsonNode again = api.get("/api/v1/me/notification-preferences", access).json().path("preferences");
        assertThat(find(again, "REVIEWS", "EMAIL").path("enabled").asBoolean()).isFalse();
        assertThat(find(again, "REVIEWS", "IN_APP").path("enabled").asBoolean()).isTrue();

        // And on again: the same row is updated, not duplicated.
        api.send("PUT", "/api/v1/me/notification-preferences", Map.of("preferences",
                List.of(Map.of("category", "REVIEWS", "channel", "EMAIL", "enabled", true))), access, Map.of());
        assertThat(find(api.get("/api/v1/me/notification-preferences", access).json().path("preferences"),
                "REVIEWS", "EMAIL").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void preferencesWhenTurningOffALockedOneThen400AndNothingChanges() {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        Api.Response r = api.send("PUT", "/api/v1/me/notification-preferences", Map.of("preferences", List.of(
                Map.of("category", "REVIEWS", "channel", "EMAIL", "enabled", false),
                Map.of("category", "ORDERS", "channel", "EMAIL", "enabled", false))), access, Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("preference_locked");
        // All or nothing: the allowed change in the same request was not applied either.
        assertThat(find(api.get("/api/v1/me/notification-preferences", access).json().path("preferences"),
                "REVIEWS", "EMAIL").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void preferencesValidation() {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        for (Object body : List.of(Map.of(), Map.of("preferences", List.of()),
                Map.of("preferences", List.of(Map.of("category", "NOPE", "channel", "EMAIL", "enabled", false))),
                Map.of("preferences", List.of(Map.of("category", "REVIEWS", "channel", "EMAIL"))),
                Map.of("preferences", List.of(Map.of("category", "OFFERS", "channel", "EMAIL", "enabled", false))))) {
            Api.Response r = api.send("PUT", "/api/v1/me/notification-preferences", body, access, Map.of());
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
            assertThat(r.code()).as(r.toString()).isEqualTo("validation_failed");
        }
    }

    @Test
    void inAppTurnedOffThenNoInboxEntryButTheMoneyMailStillArrives() {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        api.send("PUT", "/api/v1/me/notification-preferences", Map.of("preferences",
                List.of(Map.of("category", "ORDERS", "channel", "IN_APP", "enabled", false))), access, Map.of());
        String orderId = placeOrder(access, createPanel(5, "200.00"), 1).json().path("id").asString();
        api.post("/api/v1/orders/" + orderId + "/cancel", null, access);

        Mailbox.await(email, "cancelled");
        assertThat(api.get("/api/v1/me/notifications", access).json().path("items").toString())
                .doesNotContain("ORDER_CANCELLED");
    }
}
