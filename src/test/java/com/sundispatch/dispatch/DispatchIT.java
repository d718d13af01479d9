package com.sundispatch.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sundispatch.dispatch.internal.Dispatcher;
import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The Uber half over real HTTP: apply, approve, availability, pay, offers, accept, start, complete, review. */
class DispatchIT extends DispatchFixtures {

    @Autowired
    Dispatcher dispatcher;

    /** The installation address of the last paid order. */
    private Map<String, Object> lastAddress;

    private Installer installer(double kmNorth, int radiusKm, boolean available) {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        Api.Response applied = api.post("/api/v1/installers/applications", Map.of("companyName", "Sun & Sons GmbH",
                "licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999),
                "baseAddress", baseAddressAt(homeLat + kmNorth / 111.2, homeLon), "serviceRadiusKm", radiusKm,
                "phone", "+49 30 5550100"), access);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.json().path("status").asString()).isEqualTo("PENDING");
        Api.Response approved = api.post("/api/v1/admin/installers/applications/" + applied.json().path("id")
                .asString() + "/approve", Map.of(), adminToken());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        Tokens fresh = login(email, PASSWORD);
        String id = api.get("/api/v1/me", fresh.access()).json().path("id").asString();
        if (available) {
            Api.Response slots = api.send("PUT", "/api/v1/installer/availability", Map.of("slots", List.of(Map.of(
                    "start", windowStart().minus(Duration.ofHours(2)).toString(),
                    "end", windowStart().plus(Duration.ofHours(12)).toString()))), fresh.access(), Map.of());
            assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        }
        return new Installer(email, fresh.access(), id);
    }

    /** A paid order of a customer who gave a phone number (the installer sees it after accepting). */
    private Paid paidOrderWithPhone() {
        return paidOrderWithPhone(windowStart());
    }

    private Paid paidOrderWithPhone(Instant start) {
        String panel = createPanel(50, "100.00");
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        assertThat(api.patch("/api/v1/me", Map.of("phone", "+49 170 1234567"), t.access()).status()).isEqualTo(200);
        Map<String, Object> where = new HashMap<>(installationAt(homeLat, homeLon));
        lastAddress = where;
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

    @Test
    void happyPathFromPaymentToReview() {
        Installer near = installer(3, 50, true);
        Installer nearer = installer(1, 50, true);
        Installer unavailable = installer(2, 50, false);
        Installer farAway = installer(400, 200, true);
        Paid paid = paidOrderWithPhone();

        List<JsonNode> offers = offersOf(nearer);
        assertThat(offers).hasSize(1);
        JsonNode offer = offers.get(0);
        assertThat(offer.path("city").asString()).isEqualTo(lastAddress.get("city"));
        assertThat(offer.path("panelCount").asInt()).isEqualTo(6);
        // Shown from the installer's base to the centre of the home's ~1 km cell: 1 km north gives 1 or 2.
        assertThat(offer.path("distanceKm").asInt()).isBetween(1, 2);
        assertThat(offer.toString()).doesNotContain((String) lastAddress.get("addressLine"), "Ada", "+49 170");
        assertThat(offersOf(near)).hasSize(1);
        assertThat(offersOf(unavailable)).isEmpty();
        assertThat(offersOf(farAway)).isEmpty();

        Api.Response accepted = api.post("/api/v1/installer/offers/" + offer.path("offerId").asString() + "/accept",
                null, nearer.access());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("customer").path("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(accepted.json().path("customer").path("phone").asString()).isEqualTo("+49 170 1234567");
        assertThat(accepted.json().path("address").path("addressLine").asString())
                .isEqualTo(lastAddress.get("addressLine"));
        String jobId = accepted.json().path("jobId").asString();
        assertThat(orderStatus(paid)).isEqualTo("SCHEDULED");
        assertThat(offersOf(near)).isEmpty();

        Api.Response installation = api.get("/api/v1/orders/" + paid.orderId() + "/installation",
                paid.customer().access());
        assertThat(installation.json().path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(installation.json().path("installer").path("companyName").asString()).isEqualTo("Sun & Sons GmbH");
        assertThat(installation.json().path("scheduledStart").isNull()).isTrue();
        assertThat(installation.json().path("window").path("start").asString()).isNotBlank();

        Api.Response review = api.post("/api/v1/installations/" + jobId + "/review", Map.of("rating", 5), paid
                .customer().access());
        assertThat(review.code()).isEqualTo("invalid_state");
        assertThat(api.post("/api/v1/installer/jobs/" + jobId + "/complete", report(6, List.of("none")),
                nearer.access()).code()).isEqualTo("invalid_state");
        assertThat(api.post("/api/v1/installer/jobs/" + jobId + "/start", null, nearer.access()).code())
                .isEqualTo("invalid_state");
        // The rest of the life cycle: appointment, start on its day, report, the customer's confirmation.
        Held held = startOnTheDay(schedule(held(nearer, paid, jobId)));
        assertThat(orderStatus(held.paid())).isEqualTo("INSTALLING");
        assertThat(api.post("/api/v1/orders/" + paid.orderId() + "/cancel", null, held.customer().access()).code())
                .isEqualTo("invalid_state");
        confirm(submitReport(held));
        assertThat(orderStatus(held.paid())).isEqualTo("COMPLETED");
        assertThat(api.get("/api/v1/installer/jobs", held.installer().access()).json().path("totalItems").asLong())
                .isEqualTo(1);
        paid = held.paid();

        Api.Response reviewed = api.post("/api/v1/installations/" + jobId + "/review",
                Map.of("rating", 4, "comment", "Tidy work, on time."), paid.customer().access());
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/installations/" + jobId + "/review", Map.of("rating", 5),
                paid.customer().access()).code()).isEqualTo("already_reviewed");
        assertThat(api.get("/api/v1/orders/" + paid.orderId() + "/installation", paid.customer().access()).json()
                .path("installer").path("rating").asDouble()).isEqualTo(4.0);
    }

    @Test
    void concurrentAcceptsByAllOfferedInstallersGiveExactlyOneWinner() throws Exception {
        List<Installer> installers = List.of(installer(1, 50, true), installer(2, 50, true), installer(3, 50, true));
        paidOrderWithPhone();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (Installer i : installers) {
            String offerId = offersOf(i).get(0).path("offerId").asString();
            answers.add(pool.submit(() -> {
                go.await();
                return api.post("/api/v1/installer/offers/" + offerId + "/accept", null, i.access());
            }));
        }
        go.countDown();
        int won = 0;
        int taken = 0;
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            if (r.status() == 200) {
                won++;
            } else if (r.status() == 409 && r.code().equals("offer_taken")) {
                taken++;
            } else {
                throw new AssertionError(r.toString());
            }
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(taken).isEqualTo(2);
    }

    @Test
    void oneInstallerAcceptingTwoOverlappingJobsAtOnceGetsOnlyOne() throws Exception {
        Installer only = installer(1, 50, true);
        paidOrderWithPhone();
        paidOrderWithPhone(windowStart().plus(Duration.ofHours(2)));
        List<JsonNode> offers = offersOf(only);
        assertThat(offers).hasSize(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (JsonNode o : offers) {
            answers.add(pool.submit(() -> {
                go.await();
                return api.post("/api/v1/installer/offers/" + o.path("offerId").asString() + "/accept", null,
                        only.access());
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            statuses.add(r.status());
            if (r.status() != 200) {
                codes.add(r.code());
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(codes).containsExactly("schedule_conflict");
    }

    @Test
    void expiredRoundWidensTheRadiusThenUnassignedThenAdminRedispatches() {
        Installer close = installer(10, 100, true);
        Installer wider = installer(40, 100, true);
        Paid paid = paidOrderWithPhone();
        assertThat(offersOf(close)).hasSize(1);
        assertThat(offersOf(wider)).isEmpty();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        dispatcher.expireOffers();
        Installer widerNow = new Installer(wider.email(), login(wider.email(), PASSWORD).access(), wider.id());
        Installer closeNow = new Installer(close.email(), login(close.email(), PASSWORD).access(), close.id());
        List<JsonNode> second = offersOf(widerNow);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).path("distanceKm").asInt()).isBetween(39, 41);
        assertThat(offersOf(closeNow)).isEmpty();

        assertThat(api.post("/api/v1/installer/offers/" + second.get(0).path("offerId").asString() + "/decline",
                null, widerNow.access()).status()).isEqualTo(204);
        // Only this order's job: advancing the clock also expires offers other test classes left open.
        assertThat(events.of(JobUnassigned.class)).filteredOn(e -> e.orderId().equals(paid.orderId())).hasSize(1);
        String admin = adminToken();
        Api.Response unassigned = api.get("/api/v1/admin/jobs?status=UNASSIGNED&size=100", admin);
        String jobId = null;
        for (JsonNode j : unassigned.json().path("items")) {
            if (j.path("orderId").asString().equals(paid.orderId())) {
                jobId = j.path("jobId").asString();
            }
        }
        assertThat(jobId).isNotNull();
        assertThat(api.get("/api/v1/admin/alerts?type=JOB_UNASSIGNED&size=100", admin).json().path("items")
                .findValuesAsString("subject")).contains(jobId);
        String customerAccess = login(paid.customer().email(), PASSWORD).access();
        assertThat(api.get("/api/v1/orders/" + paid.orderId() + "/installation", customerAccess).json()
                .path("status").asString()).isEqualTo("UNASSIGNED");

        Api.Response again = api.post("/api/v1/admin/jobs/" + jobId + "/redispatch", Map.of(), admin);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("DISPATCHING");
        assertThat(offersOf(closeNow)).hasSize(1);
        assertThat(api.post("/api/v1/admin/jobs/" + jobId + "/redispatch", Map.of(), admin).code())
                .isEqualTo("invalid_state");
    }

    @Test
    void cancellingThePaidOrderWithdrawsOffers() {
        Installer i = installer(2, 50, true);
        Paid paid = paidOrderWithPhone();
        String offerId = offersOf(i).get(0).path("offerId").asString();
        Api.Response cancelled = api.post("/api/v1/orders/" + paid.orderId() + "/cancel", null,
                paid.customer().access());
        assertThat(cancelled.json().path("refundDue").asBoolean()).isTrue();
        assertThat(offersOf(i)).isEmpty();
        assertThat(api.post("/api/v1/installer/offers/" + offerId + "/accept", null, i.access()).status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/orders/" + paid.orderId() + "/installation", paid.customer().access()).json()
                .path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void cancellingAScheduledOrderFreesTheInstallersTime() {
        Installer i = installer(2, 50, true);
        Paid first = paidOrderWithPhone();
        api.post("/api/v1/installer/offers/" + offersOf(i).get(0).path("offerId").asString() + "/accept", null,
                i.access());
        api.post("/api/v1/orders/" + first.orderId() + "/cancel", null, first.customer().access());
        paidOrderWithPhone();
        List<JsonNode> offers = offersOf(i);
        assertThat(offers).hasSize(1);
        assertThat(api.post("/api/v1/installer/offers/" + offers.get(0).path("offerId").asString() + "/accept", null,
                i.access()).status()).isEqualTo(200);
    }

    @Test
    void everyObjectLevelCheckAnswers404() {
        Installer mine = installer(1, 50, true);
        Installer other = installer(300, 50, true);
        Paid paid = paidOrderWithPhone();
        String offerId = offersOf(mine).get(0).path("offerId").asString();
        assertThat(api.post("/api/v1/installer/offers/" + offerId + "/accept", null, other.access()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/installer/offers/" + offerId + "/decline", null, other.access()).status())
                .isEqualTo(404);
        String jobId = api.post("/api/v1/installer/offers/" + offerId + "/accept", null, mine.access()).json()
                .path("jobId").asString();
        assertThat(api.post("/api/v1/installer/jobs/" + jobId + "/start", null, other.access()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/installer/jobs/" + jobId + "/complete", report(6, List.of("p")), other.access())
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/installer/jobs", other.access()).json().path("totalItems").asLong()).isZero();

        Tokens stranger = login(registerVerifiedCustomer(), PASSWORD);
        assertThat(api.get("/api/v1/orders/" + paid.orderId() + "/installation", stranger.access()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/installations/" + jobId + "/review", Map.of("rating", 1), stranger.access())
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/installer/offers", stranger.access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/installer/offers", paid.customer().access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/jobs", mine.access()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/jobs/" + jobId + "/redispatch", Map.of(), mine.access()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/installers/applications/x/approve", Map.of(), mine.access()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/installer/availability", stranger.access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/installer/offers").status()).isEqualTo(401);
    }

    @Test
    void applyingNeedsAVerifiedEmailAndAtMostThreeOpenApplications() {
        Map<String, Object> application = Map.of("companyName", "Photon Works", "licenseNumber", "LIC-123456",
                "baseAddress", baseAddressAt(48.1, 11.6), "serviceRadiusKm", 40, "phone", "+49 89 123456");
        assertThat(api.post("/api/v1/installers/applications", application, newCustomerSession().access()).code())
                .isEqualTo("email_not_verified");
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/installers/applications", application, access).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/installers/applications", application, access).code())
                .isEqualTo("too_many_applications");
        assertThat(api.get("/api/v1/installers/applications", access).json().path("totalItems").asLong())
                .isEqualTo(3);
        assertThat(api.post("/api/v1/installers/applications", application).status()).isEqualTo(401);
    }

    @Test
    void applicationValidation() {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        Map<String, Object> base = new HashMap<>(Map.of("companyName", "Photon Works", "licenseNumber", "LIC-1",
                "baseAddress", baseAddressAt(48.1, 11.6), "serviceRadiusKm", 40, "phone", "+49 89 123456"));
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(Map.entry("serviceRadiusKm", 0),
                Map.entry("serviceRadiusKm", 201), Map.entry("phone", "call me"),
                Map.entry("companyName", "<b>x</b>"), Map.entry("licenseNumber", "x"))) {
            Map<String, Object> body = new HashMap<>(base);
            body.put(bad.getKey(), bad.getValue());
            Api.Response r = api.post("/api/v1/installers/applications", body, access);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo(bad.getKey());
        }
        base.put("role", "INSTALLER");
        assertThat(api.post("/api/v1/installers/applications", base, access).code()).isEqualTo("validation_failed");
    }

    @Test
    void approvalGrantsTheRoleOnlyFromTheNextRefreshAndDecisionsHappenOnce() {
        String email = registerVerifiedCustomer();
        Tokens before = login(email, PASSWORD);
        String appId = api.post("/api/v1/installers/applications", Map.of("companyName", "Photon Works",
                "licenseNumber", "LIC-777777", "baseAddress", baseAddressAt(homeLat, homeLon), "serviceRadiusKm",
                40, "phone", "+49 89 123456"), before.access()).json().path("id").asString();
        String admin = adminToken();
        Api.Response pending = api.get("/api/v1/admin/installers/applications?status=PENDING&size=100", admin);
        assertThat(pending.body()).contains(appId);
        assertThat(api.post("/api/v1/admin/installers/applications/" + appId + "/approve", Map.of(), admin).json()
                .path("status").asString()).isEqualTo("APPROVED");
        assertThat(api.post("/api/v1/admin/installers/applications/" + appId + "/approve", Map.of(), admin).code())
                .isEqualTo("invalid_state");
        assertThat(api.post("/api/v1/admin/installers/applications/" + appId + "/reject", Map.of("reason", "x"),
                admin).code()).isEqualTo("invalid_state");

        assertThat(api.get("/api/v1/installer/offers", before.access()).status()).isEqualTo(403);
        String refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", before.refresh())).json()
                .path("accessToken").asString();
        assertThat(api.get("/api/v1/installer/offers", refreshed).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/installers/applications", refreshed).status()).isEqualTo(403);
    }

    @Test
    void rejectionKeepsTheReason() {
        String access = login(registerVerifiedCustomer(), PASSWORD).access();
        String appId = api.post("/api/v1/installers/applications", Map.of("companyName", "Photon Works",
                "licenseNumber", "LIC-888888", "baseAddress", baseAddressAt(48.1, 11.6), "serviceRadiusKm", 40,
                "phone", "+49 89 123456"), access).json().path("id").asString();
        String admin = adminToken();
        assertThat(api.post("/api/v1/admin/installers/applications/" + appId + "/reject", Map.of(), admin).code())
                .isEqualTo("validation_failed");
        Api.Response r = api.post("/api/v1/admin/installers/applications/" + appId + "/reject",
                Map.of("reason", "Licence number not found in the register"), admin);
        assertThat(r.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(api.get("/api/v1/installers/applications", access).json().path("items").get(0)
                .path("rejectReason").asString()).contains("register");
        assertThat(api.post("/api/v1/admin/installers/applications/nope/approve", Map.of(), admin).status())
                .isEqualTo(404);
    }

    @Test
    void availabilityValidation() {
        Installer i = installer(1, 50, false);
        Instant s = clock.instant().plus(Duration.ofDays(1));
        Map<String, Object> overlapping = Map.of("slots", List.of(
                Map.of("start", s.toString(), "end", s.plus(Duration.ofHours(5)).toString()),
                Map.of("start", s.plus(Duration.ofHours(4)).toString(), "end", s.plus(Duration.ofHours(9)).toString())));
        assertThat(api.send("PUT", "/api/v1/installer/availability", overlapping, i.access(), Map.of()).code())
                .isEqualTo("validation_failed");
        Map<String, Object> tooFar = Map.of("slots", List.of(Map.of("start", s.plus(Duration.ofDays(95)).toString(),
                "end", s.plus(Duration.ofDays(95)).plus(Duration.ofHours(3)).toString())));
        assertThat(api.send("PUT", "/api/v1/installer/availability", tooFar, i.access(), Map.of()).code())
                .isEqualTo("validation_failed");
        Map<String, Object> past = Map.of("slots", List.of(Map.of("start", s.minus(Duration.ofDays(3)).toString(),
                "end", s.minus(Duration.ofDays(2)).toString())));
        assertThat(api.send("PUT", "/api/v1/installer/availability", past, i.access(), Map.of()).code())
                .isEqualTo("validation_failed");
        Map<String, Object> backwards = Map.of("slots", List.of(Map.of("start", s.toString(),
                "end", s.minus(Duration.ofHours(1)).toString())));
        assertThat(api.send("PUT", "/api/v1/installer/availability", backwards, i.access(), Map.of()).code())
                .isEqualTo("validation_failed");
        Map<String, Object> ok = Map.of("slots", List.of(Map.of("start", s.toString(),
                "end", s.plus(Duration.ofHours(8)).toString())));
        assertThat(api.send("PUT", "/api/v1/installer/availability", ok, i.access(), Map.of()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/installer/availability", i.access()).json().size()).isEqualTo(1);
    }
}
