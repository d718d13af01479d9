package com.sundispatch.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.dispatch.AppointmentAgreed;
import com.sundispatch.dispatch.AppointmentProposed;
import com.sundispatch.dispatch.CompletionReminderDue;
import com.sundispatch.dispatch.CompletionSubmitted;
import com.sundispatch.dispatch.DispatchFixtures;
import com.sundispatch.dispatch.DisputeResolved;
import com.sundispatch.dispatch.JobCompleted;
import com.sundispatch.dispatch.JobDisputed;
import com.sundispatch.dispatch.RescheduleRequested;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.EventIds;
import com.sundispatch.support.Api;
import com.sundispatch.support.Mailbox;

import tools.jackson.databind.JsonNode;

/**
 * The installation's life cycle reaches the other party by mail and in the inbox, in their language: the
 * events are published here as dispatch publishes them (inside a transaction, to real accounts of a homeowner
 * and an approved installer), so this does not depend on how dispatch gets there. Times show in the
 * installation's zone, people's own words (reasons, the admin's note) are escaped in HTML mails, a proposal or
 * reschedule is news only to the other party, and an event delivered again is heard once.
 */
class InstallationNotificationsIT extends DispatchFixtures {

    /** A zone other than the service's (Europe/Berlin), so the mails show which one they used. */
    private static final String ZONE = "Europe/Lisbon";
    private static final Instant START = Instant.parse("2026-12-10T08:00:00Z");
    private static final Instant CONFIRM_BY = Instant.parse("2026-12-17T08:00:00Z");
    private static final String COMPANY = "Sun & Sons GmbH";

    /** Subject fragments per language, one per kind. */
    private static final Map<String, Map<String, String>> SUBJECTS = Map.of(
            "en", Map.ofEntries(Map.entry("proposed", "Your installer proposes an appointment"),
                    Map.entry("jobProposed", "The customer proposes an appointment"),
                    Map.entry("agreed", "Installation appointment agreed"),
                    Map.entry("jobAgreed", "Appointment agreed"),
                    Map.entry("reschedule", "Your installer asked to reschedule"),
                    Map.entry("jobReschedule", "The customer asked to reschedule"),
                    Map.entry("submitted", "Please check your installation"),
                    Map.entry("reminder", "Reminder: please check your installation"),
                    Map.entry("completed", "Your installation is complete"),
                    Map.entry("jobConfirmed", "Installation confirmed"),
                    Map.entry("jobDisputed", "The customer disputed your installation"),
                    Map.entry("resolved", "Your dispute about order"), Map.entry("jobResolved", "Dispute resolved")),
            "de", Map.ofEntries(Map.entry("proposed", "Ihr Installateur schlägt einen Termin vor"),
                    Map.entry("jobProposed", "Der Kunde schlägt einen Termin vor"),
                    Map.entry("agreed", "Installationstermin vereinbart"),
                    Map.entry("jobAgreed", "Termin vereinbart"),
                    Map.entry("reschedule", "Ihr Installateur bittet um einen neuen Termin"),
                    Map.entry("jobReschedule", "Der Kunde bittet um einen neuen Termin"),
                    Map.entry("submitted", "Bitte prüfen Sie Ihre Installation"),
                    Map.entry("reminder", "Erinnerung: Bitte prüfen Sie Ihre Installation"),
                    Map.entry("completed", "Ihre Installation ist abgeschlossen"),
                    Map.entry("jobConfirmed", "Installation bestätigt"),
                    Map.entry("jobDisputed", "Der Kunde hat Ihre Installation beanstandet"),
                    Map.entry("resolved", "Ihre Beanstandung zu Bestellung"),
                    Map.entry("jobResolved", "Beanstandung entschieden")));

    @Autowired
    private ApplicationEventPublisher publisher;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private JdbcTemplate jdbc;

    private final List<String> published = new ArrayList<>();

    private record Party(String email, String access, String id) {
    }

    /** A job between a homeowner and an installer, as the events name it. */
    private record Job(Party customer, Party installer, String jobId, String orderId) {
        String ref() {
            return orderId.substring(0, 8).toUpperCase();
        }
    }

    private Party customer(String language) {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        profile(access, language, "Clara Homeowner");
        return new Party(email, access, api.get("/api/v1/me", access).json().path("id").asString());
    }

    private Party installer(String language) {
        Installer i = installer(1.0);
        profile(i.access(), language, "Ben Solar");
        return new Party(i.email(), i.access(), i.id());
    }

    private void profile(String access, String language, String fullName) {
        Api.Response r = api.patch("/api/v1/me", Map.of("language", language, "fullName", fullName), access);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private Job job(String customerLanguage, String installerLanguage) {
        return new Job(customer(customerLanguage), installer(installerLanguage), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
    }

    /** As dispatch does: inside the transaction that makes the change, so the durable listeners run after it. */
    private void publish(Object event, String eventId) {
        transactions.executeWithoutResult(s -> publisher.publishEvent(event));
        published.add(eventId);
    }

    /** Until every delivery of the events published so far (and the mails they owe) is done. */
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
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String subject(String language, String key) {
        return SUBJECTS.get(language).get(key);
    }

    private static boolean de(String language) {
        return "de".equals(language);
    }

    /** The appointment as it is in Lisbon, a day after {@link #START} per {@code days}, in the language. */
    private static String appointment(String language, int days) {
        String[] en = { "Thursday, 10 December 2026", "Friday, 11 December 2026" };
        String[] german = { "Donnerstag, 10. Dezember 2026", "Freitag, 11. Dezember 2026" };
        return (de(language) ? german : en)[days] + ", 08:00–16:00";
    }

    private static MimeMessage mail(Party to, String language, String key) {
        MimeMessage mail = Mailbox.await(to.email(), subject(language, key));
        assertThat(Mailbox.html(mail)).contains("lang=\"" + language + "\"");
        return mail;
    }

    /** Shown as text in both parts: literal in the plain text, escaped in the HTML, never as markup. */
    private static void assertEscaped(MimeMessage mail, String markup) {
        String escaped = markup.replace("<", "&lt;").replace(">", "&gt;");
        assertThat(Mailbox.body(mail)).contains(markup);
        assertThat(Mailbox.html(mail)).contains(escaped).doesNotContain(markup);
    }

    private List<JsonNode> inbox(Party p) {
        Api.Response r = api.get("/api/v1/me/notifications?size=50", p.access());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    private static List<JsonNode> ofKind(List<JsonNode> inbox, String kind) {
        return inbox.stream().filter(i -> i.path("kind").asString().equals(kind)).toList();
    }

    private static JsonNode one(List<JsonNode> inbox, String kind) {
        List<JsonNode> found = ofKind(inbox, kind);
        assertThat(found).as(kind + " in " + inbox).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "homeowner {0}, installer {1}")
    @CsvSource({ "de, en", "en, de" })
    void eachStepReachesTheOtherPartyByMailAndInTheInboxInTheirLanguage(String cl, String il) throws Exception {
        Job j = job(cl, il);
        Party c = j.customer();
        Party i = j.installer();
        Instant now = clock.instant();

        // Proposals: each is news only to the other party.
        String fromInstaller = EventIds.next();
        publish(new AppointmentProposed(fromInstaller, j.jobId(), j.orderId(), c.id(), i.id(), "proposal-1",
                Actor.INSTALLER, START, START.plus(Duration.ofHours(8)), ZONE, now), fromInstaller);
        String fromCustomer = EventIds.next();
        publish(new AppointmentProposed(fromCustomer, j.jobId(), j.orderId(), c.id(), i.id(), "proposal-2",
                Actor.CUSTOMER, START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)).plus(Duration.ofHours(8)),
                ZONE, now), fromCustomer);
        MimeMessage proposed = mail(c, cl, "proposed");
        assertThat(proposed.getSubject()).contains(j.ref());
        assertThat(Mailbox.body(proposed)).contains(appointment(cl, 0), "/#/orders/" + j.orderId(),
                "Ben Solar", de(cl) ? "anderen Termin vor" : "propose another time");
        MimeMessage jobProposed = mail(i, il, "jobProposed");
        assertThat(Mailbox.body(jobProposed)).contains(appointment(il, 1), "Clara Homeowner",
                "/#/installer/jobs/" + j.jobId());

        String agreed = EventIds.next();
        publish(new AppointmentAgreed(agreed, j.jobId(), j.orderId(), c.id(), i.id(), COMPANY, Actor.CUSTOMER,
                START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)).plus(Duration.ofHours(8)), ZONE, now),
                agreed);
        assertThat(Mailbox.body(mail(c, cl, "agreed"))).contains(appointment(cl, 1), COMPANY,
                de(cl) ? "Kalenderdatei" : "calendar file", "/#/orders/" + j.orderId());
        assertThat(Mailbox.html(mail(c, cl, "agreed"))).contains("Sun &amp; Sons GmbH");
        assertThat(Mailbox.body(mail(i, il, "jobAgreed"))).contains(appointment(il, 1),
                de(il) ? "Kalenderdatei" : "calendar file", "/#/installer/jobs/" + j.jobId());

        // Reschedules, one each way, with the asking party's words.
        String byCustomer = EventIds.next();
        publish(new RescheduleRequested(byCustomer, j.jobId(), j.orderId(), c.id(), i.id(), Actor.CUSTOMER,
                START.plus(Duration.ofDays(1)), "<b>x</b> Our roofer needs another week.", ZONE, now), byCustomer);
        MimeMessage jobReschedule = mail(i, il, "jobReschedule");
        assertThat(Mailbox.body(jobReschedule)).contains(appointment(il, 1).substring(0,
                appointment(il, 1).indexOf('–')), "Our roofer needs another week.");
        assertEscaped(jobReschedule, "<b>x</b>");
        String byInstaller = EventIds.next();
        publish(new RescheduleRequested(byInstaller, j.jobId(), j.orderId(), c.id(), i.id(), Actor.INSTALLER,
                START, "<i>y</i> Our van broke down.", ZONE, now), byInstaller);
        MimeMessage reschedule = mail(c, cl, "reschedule");
        assertThat(Mailbox.body(reschedule)).contains("Our van broke down.", "/#/orders/" + j.orderId());
        assertEscaped(reschedule, "<i>y</i>");

        // The report, then the reminder: both say until when, and what happens without an answer.
        String submitted = EventIds.next();
        publish(new CompletionSubmitted(submitted, j.jobId(), j.orderId(), c.id(), i.id(), COMPANY, 3, CONFIRM_BY,
                now), submitted);
        String confirmBy = de(cl) ? "17.12.2026, 09:00" : "17 Dec 2026, 09:00";
        assertThat(Mailbox.body(mail(c, cl, "submitted"))).contains(confirmBy, COMPANY,
                de(cl) ? "automatisch als bestätigt" : "confirmed automatically", "/#/orders/" + j.orderId());
        String reminder = EventIds.next();
        publish(new CompletionReminderDue(reminder, j.jobId(), j.orderId(), c.id(), COMPANY, CONFIRM_BY, now),
                reminder);
        assertThat(Mailbox.body(mail(c, cl, "reminder"))).contains(confirmBy,
                de(cl) ? "automatisch als bestätigt" : "confirmed automatically");

        // A dispute: the installer hears the customer's reason, and so do admins.
        String disputed = EventIds.next();
        publish(new JobDisputed(disputed, j.jobId(), j.orderId(), c.id(), i.id(), COMPANY,
                "<b>x</b> Two panels are loose.", now), disputed);
        MimeMessage jobDisputed = mail(i, il, "jobDisputed");
        assertThat(Mailbox.body(jobDisputed)).contains("Two panels are loose.",
                de(il) ? "Unser Team" : "Our team will");
        assertEscaped(jobDisputed, "<b>x</b>");

        String resolved = EventIds.next();
        publish(new DisputeResolved(resolved, j.jobId(), j.orderId(), c.id(), i.id(), DisputeResolved.Outcome.REWORK,
                "<i>n</i> The installer fixes the mounting on Monday.", now), resolved);
        MimeMessage customerResolved = mail(c, cl, "resolved");
        assertThat(Mailbox.body(customerResolved)).contains("The installer fixes the mounting on Monday.",
                de(cl) ? "kommt noch einmal" : "will come back to fix");
        assertEscaped(customerResolved, "<i>n</i>");
        MimeMessage installerResolved = mail(i, il, "jobResolved");
        assertThat(Mailbox.body(installerResolved)).contains(de(il) ? "bessern nach" : "you go back to fix");
        assertEscaped(installerResolved, "<i>n</i>");

        String completed = EventIds.next();
        publish(new JobCompleted(completed, j.jobId(), j.orderId(), c.id(), i.id(), COMPANY, now, Actor.SYSTEM),
                completed);
        assertThat(Mailbox.body(mail(c, cl, "completed"))).contains(de(cl) ? "automatisch bestätigt"
                : "confirmed automatically", de(cl) ? "Installation bewerten" : "Rate the installation");
        assertThat(Mailbox.body(mail(i, il, "jobConfirmed"))).contains(de(il) ? "automatisch bestätigt"
                : "confirmed automatically", "/#/installer/jobs/" + j.jobId());

        awaitAllDelivered();
        List<JsonNode> customerInbox = inbox(c);
        for (String kind : List.of("APPOINTMENT_PROPOSED", "APPOINTMENT_AGREED", "RESCHEDULE_REQUESTED",
                "COMPLETION_SUBMITTED", "COMPLETION_REMINDER", "DISPUTE_RESOLVED", "INSTALLATION_COMPLETED")) {
            JsonNode item = one(customerInbox, kind);
            assertThat(item.path("category").asString()).as(kind).isEqualTo("INSTALLATION");
            assertThat(item.path("link").asString()).as(kind).isEqualTo("/#/orders/" + j.orderId());
        }
        assertThat(one(customerInbox, "APPOINTMENT_PROPOSED").path("title").asString())
                .contains(subject(cl, "proposed"));
        assertThat(one(customerInbox, "APPOINTMENT_AGREED").path("body").asString()).contains(appointment(cl, 1));
        assertThat(customerInbox).extracting(n -> n.path("kind").asString()).noneMatch(k -> k.startsWith("JOB_"));

        List<JsonNode> installerInbox = inbox(i);
        for (String kind : List.of("JOB_APPOINTMENT_PROPOSED", "JOB_APPOINTMENT_AGREED", "JOB_RESCHEDULE_REQUESTED",
                "JOB_DISPUTED", "JOB_DISPUTE_RESOLVED", "JOB_CONFIRMED")) {
            JsonNode item = one(installerInbox, kind);
            assertThat(item.path("category").asString()).as(kind).isEqualTo("INSTALLER");
            assertThat(item.path("link").asString()).as(kind).isEqualTo("/#/installer/jobs/" + j.jobId());
        }
        assertThat(one(installerInbox, "JOB_DISPUTED").path("title").asString()).contains(subject(il, "jobDisputed"));
        // Nobody hears of their own proposal or reschedule, and the homeowner's report mails are theirs alone.
        assertThat(Mailbox.count(c.email(), subject(cl, "proposed"))).isEqualTo(1);
        assertThat(Mailbox.count(i.email(), subject(il, "jobProposed"))).isEqualTo(1);
        assertThat(Mailbox.count(c.email(), subject(cl, "reschedule"))).isEqualTo(1);
        assertThat(Mailbox.count(i.email(), subject(il, "jobReschedule"))).isEqualTo(1);
        assertThat(ofKind(installerInbox, "COMPLETION_SUBMITTED")).isEmpty();
        assertThat(ofKind(installerInbox, "COMPLETION_REMINDER")).isEmpty();

        // Admins: in the inbox (their mail shares the ADMIN category's hourly cap with every other admin notice).
        JsonNode admin = disputeOpened(j);
        assertThat(admin.path("category").asString()).isEqualTo("ADMIN");
        assertThat(admin.path("body").asString()).contains(COMPANY);
        assertThat(admin.path("link").asString()).isEqualTo("/#/admin/jobs");
    }

    private List<JsonNode> adminInbox() {
        Api.Response r = api.get("/api/v1/me/notifications?size=50", adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    private JsonNode disputeOpened(Job j) {
        return one(adminInbox().stream().filter(n -> n.path("title").asString().contains(j.ref())).toList(),
                "DISPUTE_OPENED");
    }

    @Test
    void whoConfirmedAndHowTheDisputeEndedPickTheWords() {
        Party c = customer("en");
        Party i = installer("en");
        Instant now = clock.instant();
        record Case(Object event, String eventId, String orderId, String customerSays, String installerSays) {
        }
        List<Case> cases = new ArrayList<>();
        for (Actor by : new Actor[] { Actor.CUSTOMER, Actor.ADMIN, null }) {
            String id = EventIds.next();
            String orderId = UUID.randomUUID().toString();
            cases.add(new Case(new JobCompleted(id, UUID.randomUUID().toString(), orderId, c.id(), i.id(), COMPANY,
                    now, by), id, orderId,
                    by == Actor.ADMIN ? "Our team has resolved your dispute" : "Thank you for confirming",
                    // An admin's completion reaches the installer once, as the dispute's resolution below.
                    by == Actor.ADMIN ? null : "the customer confirmed your installation"));
        }
        for (DisputeResolved.Outcome outcome : DisputeResolved.Outcome.values()) {
            String id = EventIds.next();
            String orderId = UUID.randomUUID().toString();
            cases.add(new Case(new DisputeResolved(id, UUID.randomUUID().toString(), orderId, c.id(), i.id(), outcome,
                    "Decided after a call with both.", now), id, orderId, switch (outcome) {
                        case REWORK -> "your installer will come back to fix what is wrong";
                        case COMPLETE -> "the installation is counted as complete";
                        case CANCEL -> "the order is cancelled and you get your money back";
                    }, switch (outcome) {
                        case REWORK -> "you go back to fix what is wrong";
                        case COMPLETE -> "the installation is counted as complete";
                        case CANCEL -> "the order is cancelled and the customer gets their money back";
                    }));
        }
        cases.forEach(k -> publish(k.event(), k.eventId()));

        for (Case k : cases) {
            String ref = k.orderId().substring(0, 8).toUpperCase();
            boolean completion = k.event() instanceof JobCompleted;
            MimeMessage toCustomer = Mailbox.await(c.email(), (completion ? subject("en", "completed")
                    : subject("en", "resolved")) + (completion ? ": order " : " ") + ref);
            assertThat(Mailbox.body(toCustomer)).as(k.event().toString()).contains(k.customerSays());
            if (k.installerSays() == null) {
                assertThat(Mailbox.count(i.email(), subject("en", "jobConfirmed") + ": order " + ref)).isZero();
                continue;
            }
            MimeMessage toInstaller = Mailbox.await(i.email(), (completion ? subject("en", "jobConfirmed")
                    : subject("en", "jobResolved")) + ": order " + ref);
            assertThat(Mailbox.body(toInstaller)).as(k.event().toString()).contains(k.installerSays());
            if (!completion) {
                assertThat(Mailbox.body(toCustomer)).contains("Decided after a call with both.");
                assertThat(Mailbox.body(toInstaller)).contains("Decided after a call with both.");
            }
        }
    }

    /** A redelivery (the registry's retry after a crash) finds the mails sent and the inbox entries made. */
    @Test
    void anEventDeliveredAgainIsHeardOnce() {
        Job j = job("en", "de");
        String id = EventIds.next();
        JobDisputed event = new JobDisputed(id, j.jobId(), j.orderId(), j.customer().id(), j.installer().id(),
                COMPANY, "The inverter is not connected.", clock.instant());
        publish(event, id);
        Mailbox.await(j.installer().email(), subject("de", "jobDisputed"));
        awaitAllDelivered();

        publish(event, id);
        awaitAllDelivered();

        assertThat(Mailbox.count(j.installer().email(), subject("de", "jobDisputed"))).isEqualTo(1);
        assertThat(ofKind(inbox(j.installer()), "JOB_DISPUTED")).hasSize(1);
        disputeOpened(j);
    }
}
