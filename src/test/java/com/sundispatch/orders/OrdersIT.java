package com.sundispatch.orders;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersIT extends IntegrationTest {

    private String verifiedCustomer() {
        return login(registerVerifiedCustomer(), PASSWORD).access();
    }

    @Test
    void placeOrderThenServerPricesAndReservesStock() {
        String panel = createPanel(20, "150.00");
        String access = verifiedCustomer();
        Api.Response r = placeOrder(access, panel, 4);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(r.json().path("items").get(0).path("unitPrice").path("amount").asString()).isEqualTo("150.00");
        assertThat(r.json().path("panelsTotal").path("amount").asString()).isEqualTo("600.00");
        // 490.00 base + 4 x 45.00
        assertThat(r.json().path("installationFee").path("amount").asString()).isEqualTo("670.00");
        assertThat(r.json().path("total").path("amount").asString()).isEqualTo("1270.00");
        assertThat(r.json().path("id").asString()).hasSize(36);
        assertThat(r.json().has("createdAt")).isTrue();
        assertThat(stockOf(panel)).isEqualTo(16);
    }

    @Test
    void placeOrderWhenEmailNotVerifiedThen403() {
        String panel = createPanel(5, "100.00");
        Tokens t = newCustomerSession();
        Api.Response r = placeOrder(t.access(), panel, 1);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("email_not_verified");
        assertThat(stockOf(panel)).isEqualTo(5);
    }

    @Test
    void placeOrderWhenPriceInRequestThen400AndNothingReserved() {
        String panel = createPanel(5, "100.00");
        String access = verifiedCustomer();
        Api.Response r = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 1,
                "unitPrice", "0.01")), "installation", installation()), access);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        Api.Response total = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel,
                "quantity", 1)), "installation", installation(), "total", "1.00"), access);
        assertThat(total.status()).isEqualTo(400);
        assertThat(stockOf(panel)).isEqualTo(5);
    }

    @Test
    void placeOrderValidation() {
        String panel = createPanel(5, "100.00");
        String access = verifiedCustomer();
        assertThat(placeOrder(access, panel, 0).code()).isEqualTo("validation_failed");
        assertThat(placeOrder(access, panel, 501).code()).isEqualTo("validation_failed");
        assertThat(placeOrder(access, "no-such-panel", 1).code()).isEqualTo("unknown_panel");
        Map<String, Object> past = new HashMap<>(installation());
        past.put("preferredStart", clock.instant().minus(Duration.ofDays(1)).toString());
        assertThat(api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 1)),
                "installation", past), access).code()).isEqualTo("validation_failed");
        Map<String, Object> reversed = new HashMap<>(installation());
        reversed.put("preferredEnd", clock.instant().plus(Duration.ofDays(2)).toString());
        Api.Response r = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 1)),
                "installation", reversed), access);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).contains("preferredEnd");
        Map<String, Object> badLat = new HashMap<>(installation());
        badLat.put("latitude", 123.0);
        assertThat(api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 1)),
                "installation", badLat), access).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 1),
                Map.of("panelId", panel, "quantity", 1)), "installation", installation()), access).code())
                .isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/orders", Map.of("items", List.of(), "installation", installation()), access)
                .code()).isEqualTo("validation_failed");
        assertThat(stockOf(panel)).isEqualTo(5);
    }

    @Test
    void fractionalQuantityAndFarFutureDatesAreRefused() {
        String panel = createPanel(5, "100.00");
        String access = verifiedCustomer();
        assertThat(api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 1.5)),
                "installation", installation()), access).code()).isEqualTo("validation_failed");
        Map<String, Object> farAway = new HashMap<>(installation());
        farAway.put("preferredStart", "+999999999-01-01T00:00:00Z");
        farAway.put("preferredEnd", "+999999999-01-02T00:00:00Z");
        assertThat(api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 1)),
                "installation", farAway), access).status()).isEqualTo(400);
        Map<String, Object> longWindow = new HashMap<>(installation());
        longWindow.put("preferredEnd", clock.instant().plus(Duration.ofDays(90)).toString());
        assertThat(api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", panel, "quantity", 1)),
                "installation", longWindow), access).code()).isEqualTo("validation_failed");
        assertThat(stockOf(panel)).isEqualTo(5);
    }

    @Test
    void theUnpaidOrderLimitHoldsUnderConcurrentOrders() throws Exception {
        String panel = createPanel(100, "100.00");
        String access = verifiedCustomer();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        var go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return placeOrder(access, panel, 1);
            }));
        }
        go.countDown();
        int created = 0;
        for (var f : answers) {
            Api.Response r = f.get();
            if (r.status() == 201) {
                created++;
            } else {
                assertThat(r.code()).isEqualTo("too_many_unpaid_orders");
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(5);
        assertThat(stockOf(panel)).isEqualTo(95);
    }

    @Test
    void outOfStockIs409AndNothingIsReserved() {
        String a = createPanel(10, "100.00");
        String b = createPanel(1, "100.00");
        String access = verifiedCustomer();
        Api.Response r = api.post("/api/v1/orders", Map.of("items", List.of(Map.of("panelId", a, "quantity", 3),
                Map.of("panelId", b, "quantity", 2)), "installation", installation()), access);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("out_of_stock");
        assertThat(stockOf(a)).isEqualTo(10);
        assertThat(stockOf(b)).isEqualTo(1);
    }

    @Test
    void customersSeeOnlyTheirOwnOrders() {
        String panel = createPanel(10, "100.00");
        String alice = verifiedCustomer();
        String bob = verifiedCustomer();
        String aliceOrder = placeOrder(alice, panel, 1).json().path("id").asString();
        placeOrder(bob, panel, 2);

        Api.Response list = api.get("/api/v1/orders", alice);
        assertThat(list.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(list.json().path("items").get(0).path("id").asString()).isEqualTo(aliceOrder);
        assertThat(api.get("/api/v1/orders/" + aliceOrder, alice).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/" + aliceOrder, bob).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + aliceOrder + "/cancel", null, bob).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + aliceOrder + "/payments", null, bob).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/orders/" + aliceOrder, alice).json().path("status").asString())
                .isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void cancelReleasesStockAndTwiceIs409() {
        String panel = createPanel(10, "100.00");
        String access = verifiedCustomer();
        String order = placeOrder(access, panel, 3).json().path("id").asString();
        assertThat(stockOf(panel)).isEqualTo(7);
        Api.Response c = api.post("/api/v1/orders/" + order + "/cancel", null, access);
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(c.json().path("refundDue").asBoolean()).isFalse();
        assertThat(stockOf(panel)).isEqualTo(10);
        assertThat(api.post("/api/v1/orders/" + order + "/cancel", null, access).code()).isEqualTo("invalid_state");
        assertThat(stockOf(panel)).isEqualTo(10);
    }

    @Test
    void atMostFiveUnpaidOrdersPerCustomer() {
        String panel = createPanel(50, "100.00");
        String access = verifiedCustomer();
        for (int i = 0; i < 5; i++) {
            assertThat(placeOrder(access, panel, 1).status()).isEqualTo(201);
        }
        Api.Response sixth = placeOrder(access, panel, 1);
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.code()).isEqualTo("too_many_unpaid_orders");
        assertThat(stockOf(panel)).isEqualTo(45);
    }

    @Test
    void unpaidOrderExpiresAfterThirtyMinutesAndStockComesBack(
            @org.springframework.beans.factory.annotation.Autowired com.sundispatch.orders.internal.OrderService service) {
        String panel = createPanel(10, "100.00");
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        String order = placeOrder(access, panel, 4).json().path("id").asString();
        clock.advance(Duration.ofMinutes(29));
        service.expireReservations();
        // The access token lived 15 minutes; sign in again as the customer would.
        access = login(email, PASSWORD).access();
        assertThat(api.get("/api/v1/orders/" + order, access).json().path("status").asString())
                .isEqualTo("PENDING_PAYMENT");
        clock.advance(Duration.ofMinutes(2));
        assertThat(service.expireReservations()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/orders/" + order, access).json().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(stockOf(panel)).isEqualTo(10);
        assertThat(api.post("/api/v1/orders/" + order + "/payments", null, access).code()).isEqualTo("invalid_state");
    }

    @Test
    void ordersWhenAnonymousThen401() {
        assertThat(api.get("/api/v1/orders").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/orders", Map.of()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/orders/x").status()).isEqualTo(401);
    }
}
