package com.sundispatch.dispatch;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sundispatch.dispatch.internal.Installations;
import com.sundispatch.monitoring.AlertRaised;
import com.sundispatch.shared.Actor;
import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Agreeing the appointment over real HTTP: proposals both ways, limits, the calendar file, rescheduling, start. */
class InstallationSchedulingIT extends DispatchFixtures {

    @Autowired
    Installations installations;

    private Api.Response propose(String access, String route, String jobId, Instant start, Duration length) {
        return api.post(route + jobId + "/appointment/proposals", slot(start, length), access);
    }

    private static final String INSTALLER = "/api/v1/installer/jobs/";
    private static final String CUSTOMER = "/api/v1/installations/";

    @Test
    void installerProposesCustomerConfirmsAndBothSeeTheAppointment() {
        Held held = assignedJob();
        Api.Response proposed = propose(held.installer().access(), INSTALLER, held.jobId(), held.appointment(),
                Duration.ofHours(6));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(proposed.json().path("scheduling").path("proposalsLeft").asInt()).isEqualTo(5);

        Api.Response seen = api.get("/api/v1/orders/" + held.paid().orderId() + "/installation",
                held.customer().access());
        JsonShape open = new JsonShape(seen.json().path("scheduling").path("openProposal"));
        assertThat(open.text("proposedBy")).isEqualTo("INSTALLER");
        assertThat(Instant.parse(open.text("start"))).isEqualTo(held.appointment());
        assertThat(seen.json().path("scheduledStart").isNull()).isTrue();
        assertThat(seen.json().path("installer").path("phone").asString()).isEqualTo("+49 30 5550100");

        Api.Response agreed = api.post(CUSTOMER + held.jobId() + "/appointment/proposals/" + open.text("id")
                + "/accept", null, held.customer().access());
        assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
        assertThat(agreed.json().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(agreed.json().path("scheduledStart").asString())).isEqualTo(held.appointment());
        assertThat(agreed.json().path("appointment").path("timeZone").asString()).isNotBlank();
        assertThat(Instant.parse(agreed.json().path("appointment").path("rescheduleUntil").asString()))
                .isEqualTo(held.appointment().minus(Duration.ofHours(48)));
        assertThat(orderStatus(held.paid())).isEqualTo("SCHEDULED");
        Api.Response job = api.get(INSTALLER + held.jobId(), held.installer().access());
        assertThat(job.json().path("appointment").path("start").asString()).isEqualTo(held.appointment().toString());
        assertThat(events.of(AppointmentAgreed.class)).anyMatch(e -> e.jobId().equals(held.jobId())
                && e.agreedBy() == Actor.CUSTOMER);
    }

    @Test
    void bothPartiesDownloadTheAppointmentAsACalendarFile() {
        Held held = scheduledJob();
        for (String[] party : new String[][] { { INSTALLER, held.installer().access() },
                { CUSTOMER, held.customer().access() } }) {
            HttpResponse<byte[]> ics = api.getBytes(party[0] + held.jobId() + "/appointment.ics", party[1]);
            assertThat(ics.statusCode()).isEqualTo(200);
            assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
            assertThat(ics.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                    .contains(".ics");
            String text = new String(ics.body(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + held.jobId() + "@sundispatch")
                    .contains("DTSTART:").contains("END:VEVENT\r\n").endsWith("END:VCALENDAR\r\n");
        }
        assertThat(api.getBytes(CUSTOMER + held.jobId() + "/appointment.ics", registerAndLogin()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void customerProposesAnotherTimeAndInstallerAcceptsIt() {
        Held held = assignedJob();
        String first = propose(held.installer().access(), INSTALLER, held.jobId(), held.appointment(),
                Duration.ofHours(6)).json().path("scheduling").path("openProposal").path("id").asString();
        Api.Response counter = propose(held.customer().access(), CUSTOMER, held.jobId(),
                held.appointment().plus(Duration.ofHours(1)), Duration.ofHours(5));
        assertThat(counter.status()).as(counter.toString()).isEqualTo(201);
        String second = counter.json().path("scheduling").path("openProposal").path("id").asString();
        assertThat(second).isNotEqualTo(first);

        // The superseded proposal is closed; one's own proposal is for the other party to accept.
        assertThat(api.post(CUSTOMER + held.jobId() + "/appointment/proposals/" + first + "/accept", null,
                held.customer().access()).code()).isEqualTo("proposal_closed");
        assertThat(api.post(CUSTOMER + held.jobId() + "/appointment/proposals/" + second + "/accept", null,
                held.customer().access()).code()).isEqualTo("own_proposal");

        Api.Response agreed = api.post(INSTALLER + held.jobId() + "/appointment/proposals/" + second + "/accept",
                null, held.installer().access());
        assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
        assertThat(agreed.json().path("appointment").path("start").asString())
                .isEqualTo(held.appointment().plus(Duration.ofHours(1)).toString());
        // Agreed: no more proposals until someone reschedules.
        assertThat(propose(held.installer().access(), INSTALLER, held.jobId(), held.appointment(),
                Duration.ofHours(2)).code()).isEqualTo("invalid_state");
    }

    @Test
    void proposalsOutsideTheWindowOrMalformedAreRefused() {
        Held held = assignedJob();
        String access = held.installer().access();
        assertThat(propose(access, INSTALLER, held.jobId(), held.appointment().minus(Duration.ofHours(3)),
                Duration.ofHours(2)).code()).isEqualTo("outside_window");
        assertThat(propose(access, INSTALLER, held.jobId(), held.appointment(), Duration.ofHours(9)).code())
                .isEqualTo("outside_window");
        assertThat(propose(access, INSTALLER, held.jobId(), held.appointment(), Duration.ofHours(-1)).code())
                .isEqualTo("invalid_appointment");
        Api.Response missing = api.post(INSTALLER + held.jobId() + "/appointment/proposals",
                Map.of("start", held.appointment().toString()), access);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").toString()).contains("end");
        assertThat(api.post(INSTALLER + held.jobId() + "/appointment/proposals",
                Map.of("start", "tomorrow", "end", "later"), access).status()).isEqualTo(400);
    }

    @Test
    void proposalsAreLimitedPerNegotiation() {
        Held held = assignedJob();
        for (int i = 0; i < 6; i++) {
            String access = i % 2 == 0 ? held.installer().access() : held.customer().access();
            Api.Response r = propose(access, i % 2 == 0 ? INSTALLER : CUSTOMER, held.jobId(),
                    held.appointment().plus(Duration.ofMinutes(10L * i)), Duration.ofHours(2));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        Api.Response seventh = propose(held.installer().access(), INSTALLER, held.jobId(), held.appointment(),
                Duration.ofHours(2));
        assertThat(seventh.status()).isEqualTo(409);
        assertThat(seventh.code()).isEqualTo("too_many_proposals");
    }

    @Test
    void rescheduleIsPossibleUntil48HoursBeforeAndStartsANewNegotiation() {
        Held held = scheduledJob();
        Api.Response moved = api.post(CUSTOMER + held.jobId() + "/appointment/reschedule",
                Map.of("reason", "We are away that week."), held.customer().access());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("status").asString()).isEqualTo("ASSIGNED");
        assertThat(moved.json().path("scheduledStart").isNull()).isTrue();
        assertThat(moved.json().path("scheduling").path("proposalsLeft").asInt()).isEqualTo(6);
        assertThat(orderStatus(held.paid())).isEqualTo("SCHEDULED");
        assertThat(events.of(RescheduleRequested.class)).anyMatch(e -> e.jobId().equals(held.jobId())
                && "We are away that week.".equals(e.reason()));

        // Agreed again, then too close to the appointment: no more moving.
        String proposal = propose(held.installer().access(), INSTALLER, held.jobId(), held.appointment(),
                Duration.ofHours(6)).json().path("scheduling").path("openProposal").path("id").asString();
        assertThat(api.post(CUSTOMER + held.jobId() + "/appointment/proposals/" + proposal + "/accept", null,
                held.customer().access()).status()).isEqualTo(200);
        Held late = at(held, held.appointment().minus(Duration.ofHours(47)));
        Api.Response tooLate = api.post(INSTALLER + late.jobId() + "/appointment/reschedule",
                Map.of("reason", "Van broke down"), late.installer().access());
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.code()).isEqualTo("reschedule_too_late");
        assertThat(api.post(INSTALLER + late.jobId() + "/appointment/reschedule", Map.of("reason", " "),
                late.installer().access()).status()).isEqualTo(400);
    }

    @Test
    void startIsRefusedBeforeTheAppointmentDayAndWorksOnIt() {
        Held held = scheduledJob();
        Api.Response early = api.post(INSTALLER + held.jobId() + "/start", null, held.installer().access());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("not_appointment_day");
        assertThat(api.get(INSTALLER + held.jobId(), held.installer().access()).json().path("canStart").asBoolean())
                .isFalse();

        Held onTheDay = at(held, held.appointment().minus(Duration.ofMinutes(30)));
        assertThat(api.get(INSTALLER + held.jobId(), onTheDay.installer().access()).json().path("canStart")
                .asBoolean()).isTrue();
        Api.Response started = api.post(INSTALLER + held.jobId() + "/start", null, onTheDay.installer().access());
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(orderStatus(onTheDay.paid())).isEqualTo("INSTALLING");
        // A started installation is beyond the customer's cancel.
        assertThat(api.post("/api/v1/orders/" + held.paid().orderId() + "/cancel", null,
                onTheDay.customer().access()).code()).isEqualTo("invalid_state");
    }

    @Test
    void startOnAnUnscheduledJobOrTwiceIsAnInvalidState() {
        Held held = assignedJob();
        Api.Response unscheduled = api.post(INSTALLER + held.jobId() + "/start", null, held.installer().access());
        assertThat(unscheduled.status()).isEqualTo(409);
        assertThat(unscheduled.code()).isEqualTo("invalid_state");
        Held started = startOnTheDay(scheduledJob());
        assertThat(api.post(INSTALLER + started.jobId() + "/start", null, started.installer().access()).code())
                .isEqualTo("invalid_state");
        assertThat(api.post(INSTALLER + started.jobId() + "/appointment/reschedule", Map.of("reason", "x"),
                started.installer().access()).code()).isEqualTo("invalid_state");
    }

    @Test
    void anAppointmentNobodyStartedAlertsAdminsOnceADayLater() {
        Held held = scheduledJob();
        at(held, held.appointment().plus(Duration.ofHours(23)));
        installations.runTimers();
        assertThat(events.of(AlertRaised.class)).noneMatch(a -> a.subject().equals(held.jobId()));
        at(held, held.appointment().plus(Duration.ofHours(24)).plusSeconds(1));
        installations.runTimers();
        installations.runTimers();
        eventually("the JOB_NOT_STARTED alert", () -> events.of(AlertRaised.class).stream()
                .anyMatch(a -> a.subject().equals(held.jobId()) && a.type().equals("JOB_NOT_STARTED")));
        assertThat(events.of(AlertRaised.class).stream().filter(a -> a.subject().equals(held.jobId())
                && a.type().equals("JOB_NOT_STARTED"))).hasSize(1);
        // A missed appointment may be moved although it is past.
        Held now = at(held, clock.instant());
        assertThat(api.post(INSTALLER + held.jobId() + "/appointment/reschedule", Map.of("reason", "Ill that day"),
                now.installer().access()).status()).isEqualTo(200);
    }

    @Test
    void schedulingRoutesNeedTheRightPartyAndHideOtherPeoplesJobs() {
        Held held = assignedJob();
        Map<String, Object> body = slot(held.appointment(), Duration.ofHours(2));
        assertThat(api.post(INSTALLER + held.jobId() + "/appointment/proposals", body, null).status())
                .isEqualTo(401);
        assertThat(api.post(CUSTOMER + held.jobId() + "/appointment/proposals", body, null).status())
                .isEqualTo(401);
        // A customer on the installer's route: 403; another installer: 404; another customer: 404.
        assertThat(api.post(INSTALLER + held.jobId() + "/appointment/proposals", body, held.customer().access())
                .status()).isEqualTo(403);
        Installer other = installer(2);
        assertThat(api.post(INSTALLER + held.jobId() + "/appointment/proposals", body, other.access()).status())
                .isEqualTo(404);
        assertThat(api.post(CUSTOMER + held.jobId() + "/appointment/proposals", body, registerAndLogin()).status())
                .isEqualTo(404);
        assertThat(api.get(INSTALLER + held.jobId(), other.access()).status()).isEqualTo(404);
    }

    private String registerAndLogin() {
        return login(registerVerifiedCustomer(), PASSWORD).access();
    }

    /** Small reading helper for one JSON object. */
    private record JsonShape(JsonNode node) {

        String text(String field) {
            return node.path(field).asString();
        }
    }
}
