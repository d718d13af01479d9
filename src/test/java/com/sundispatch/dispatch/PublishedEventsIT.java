package com.sundispatch.dispatch;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

import com.sundispatch.orders.OrderPlaced;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.Money;
import com.sundispatch.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain events that have no webhook (mails and the inbox hear them) are published with what their
 * javadoc promises, and inside the transaction that made the change: the recorder here is an
 * {@code @ApplicationModuleListener}, like the notification listeners, and that hears only events published in
 * a committed transaction.
 */
class PublishedEventsIT extends DispatchFixtures {

    /** Everything the durable recorder heard, in order. */
    public static class DurableRecorder {

        private final List<Object> heard = new CopyOnWriteArrayList<>();

        /** Through a method: the bean is a proxy (its listeners are asynchronous), whose fields are empty. */
        public List<Object> heard() {
            return heard;
        }

        @ApplicationModuleListener
        void on(OrderPlaced e) {
            heard.add(e);
        }

        @ApplicationModuleListener
        void on(InstallerApplicationSubmitted e) {
            heard.add(e);
        }

        @ApplicationModuleListener
        void on(InstallerApproved e) {
            heard.add(e);
        }

        @ApplicationModuleListener
        void on(InstallerRejected e) {
            heard.add(e);
        }

        @ApplicationModuleListener
        void on(JobStarted e) {
            heard.add(e);
        }

        @ApplicationModuleListener
        void on(JobCompleted e) {
            heard.add(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RecorderConfiguration {
        @Bean
        DurableRecorder durableRecorder() {
            return new DurableRecorder();
        }
    }

    @Autowired
    DurableRecorder recorder;

    /** The one event of this type matching the condition, waiting for the asynchronous listener. */
    private <T> T heard(Class<T> type, Predicate<T> which) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<T> found = recorder.heard().stream().filter(type::isInstance).map(type::cast).filter(which).toList();
            if (!found.isEmpty()) {
                assertThat(found).as(type.getSimpleName()).hasSize(1);
                return found.get(0);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " heard within 10 s");
    }

    @Test
    void placingAnOrderPublishesOrderPlacedWithItemsAmountsAndReservationDeadline() {
        String panelId = createPanel(20, "199.90");
        String panelName = api.get("/api/v1/catalog/panels/" + panelId).json().path("name").asString();
        Tokens customer = login(registerVerifiedCustomer(), PASSWORD);
        String customerId = api.get("/api/v1/me", customer.access()).json().path("id").asString();

        Api.Response placed = placeOrder(customer.access(), panelId, 3);

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().path("id").asString();
        OrderPlaced e = heard(OrderPlaced.class, o -> o.orderId().equals(orderId));
        assertThat(e.eventId()).startsWith("evt_");
        assertThat(e.customerId()).isEqualTo(customerId);
        assertThat(e.items()).containsExactly(new OrderPlaced.Item(panelName, 3, new Money("199.90", "EUR")));
        assertThat(e.panelsTotal()).isEqualTo(new Money("599.70", "EUR"));
        assertThat(e.installationFee().currency()).isEqualTo("EUR");
        assertThat(new BigDecimal(e.total().amount())).isEqualByComparingTo(
                new BigDecimal("599.70").add(new BigDecimal(e.installationFee().amount())));
        assertThat(e.total().amount()).isEqualTo(placed.json().path("total").path("amount").asString());
        assertThat(e.installationFee().amount())
                .isEqualTo(placed.json().path("installationFee").path("amount").asString());
        assertThat(e.reservedUntil()).isEqualTo(Instant.parse(placed.json().path("reservedUntil").asString()));
        assertThat(Duration.between(e.placedAt(), e.reservedUntil())).isPositive();
        assertThat(e.toString()).doesNotContain("Unter den Linden", "@");
    }

    @Test
    void applyingApprovingAndRejectingPublishTheirEventsWithTheRejectionReason() {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        String userId = api.get("/api/v1/me", access).json().path("id").asString();
        String rejectedId = apply(access, "Shady Solar Ltd");
        String approvedId = apply(access, "Bright Roofs GmbH");

        InstallerApplicationSubmitted submitted = heard(InstallerApplicationSubmitted.class,
                s -> s.applicationId().equals(rejectedId));
        assertThat(submitted.userId()).isEqualTo(userId);
        assertThat(submitted.companyName()).isEqualTo("Shady Solar Ltd");
        assertThat(submitted.eventId()).startsWith("evt_");
        assertThat(submitted.submittedAt()).isNotNull();

        String reason = "Licence number does not match the chamber's register.";
        assertThat(api.post("/api/v1/admin/installers/applications/" + rejectedId + "/reject",
                Map.of("reason", reason), adminToken()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/installers/applications/" + approvedId + "/approve", Map.of(),
                adminToken()).status()).isEqualTo(200);

        InstallerRejected rejected = heard(InstallerRejected.class, r -> r.applicationId().equals(rejectedId));
        assertThat(rejected.userId()).isEqualTo(userId);
        assertThat(rejected.companyName()).isEqualTo("Shady Solar Ltd");
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.rejectedAt()).isNotNull();
        InstallerApproved approved = heard(InstallerApproved.class, a -> a.applicationId().equals(approvedId));
        assertThat(approved.userId()).isEqualTo(userId);
        assertThat(approved.companyName()).isEqualTo("Bright Roofs GmbH");
        assertThat(approved.approvedAt()).isNotNull();
        assertThat(recorder.heard().stream().filter(InstallerApproved.class::isInstance)
                .map(InstallerApproved.class::cast).filter(a -> a.applicationId().equals(rejectedId))).isEmpty();
    }

    private String apply(String access, String company) {
        Api.Response r = api.post("/api/v1/installers/applications", Map.of("companyName", company,
                "licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999), "baseAddress",
                baseAddressAt(48.1, 11.5), "serviceRadiusKm", 40, "phone", "+49 89 5550100"), access);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    @Test
    void startingAndConfirmingAJobPublishJobStartedAndJobCompletedWithTheCompany() {
        Installer installer = installer(1);
        Paid paid = paidOrder();
        String offerId = offersOf(installer).get(0).path("offerId").asString();
        String jobId = api.post("/api/v1/installer/offers/" + offerId + "/accept", null, installer.access()).json()
                .path("jobId").asString();
        String customerId = api.get("/api/v1/me", paid.customer().access()).json().path("id").asString();

        Held held = startOnTheDay(schedule(held(installer, paid, jobId)));
        JobStarted started = heard(JobStarted.class, s -> s.jobId().equals(jobId));
        confirm(submitReport(held));
        JobCompleted completed = heard(JobCompleted.class, c -> c.jobId().equals(jobId));
        assertThat(completed.confirmedBy()).isEqualTo(Actor.CUSTOMER);

        assertThat(started.orderId()).isEqualTo(paid.orderId());
        assertThat(started.customerId()).isEqualTo(customerId);
        assertThat(started.installerId()).isEqualTo(installer.id());
        assertThat(started.companyName()).isEqualTo("Sun & Sons GmbH");
        assertThat(started.startedAt()).isNotNull();
        assertThat(completed.orderId()).isEqualTo(paid.orderId());
        assertThat(completed.customerId()).isEqualTo(customerId);
        assertThat(completed.installerId()).isEqualTo(installer.id());
        assertThat(completed.companyName()).isEqualTo("Sun & Sons GmbH");
        assertThat(completed.completedAt()).isAfterOrEqualTo(started.startedAt());
        assertThat(completed.eventId()).isNotEqualTo(started.eventId());
    }
}
