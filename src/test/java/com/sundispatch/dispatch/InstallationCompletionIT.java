package com.sundispatch.dispatch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sundispatch.dispatch.internal.Installations;
import com.sundispatch.monitoring.AlertRaised;
import com.sundispatch.orders.OrderCancelled;
import com.sundispatch.shared.Actor;
import com.sundispatch.support.Api;
import com.sundispatch.support.TestImages;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of an installation over real HTTP: photos (what is accepted, what is refused, who may see them), the
 * completion report's rules, the customer's confirmation or dispute, the automatic confirmation and the admins'
 * resolution.
 */
class InstallationCompletionIT extends DispatchFixtures {

    private static final String INSTALLER = "/api/v1/installer/jobs/";
    private static final String CUSTOMER = "/api/v1/installations/";

    @Autowired
    Installations installations;

    private Api.Response upload(Held held, String filename, String contentType, byte[] bytes) {
        return api.upload(INSTALLER + held.jobId() + "/photos", "photo", filename, contentType, bytes,
                held.installer().access());
    }

    @Test
    void aPngNamedJpgIsAcceptedByItsBytesAndComesBackAsPng() {
        Held held = startOnTheDay(scheduledJob());
        Api.Response r = upload(held, "roof.jpg", "image/jpeg", TestImages.png(120, 80));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("contentType").asString()).isEqualTo("image/png");
        assertThat(r.json().path("width").asInt()).isEqualTo(120);
        HttpResponse<byte[]> image = api.getBytes(r.json().path("url").asString(), held.installer().access());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()[1]).isEqualTo((byte) 'P');
        assertThat(api.get(INSTALLER + held.jobId(), held.installer().access()).json().path("draftPhotos").size())
                .isEqualTo(1);
    }

    @Test
    void svgHtmlAndTextRenamedJpgAreRefusedAsUnsupported() {
        Held held = startOnTheDay(scheduledJob());
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!doctype html><html><script>alert(document.cookie)</script></html>"
                .getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : List.of(svg, html, "just text".getBytes(StandardCharsets.UTF_8))) {
            Api.Response r = upload(held, "photo.jpg", "image/jpeg", bytes);
            assertThat(r.status()).as(r.toString()).isEqualTo(415);
            assertThat(r.code()).isEqualTo("unsupported_image");
        }
    }

    @Test
    void aPolyglotImageCarryingMarkupIsRefused() {
        Held held = startOnTheDay(scheduledJob());
        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.writeBytes(TestImages.png(40, 40));
        polyglot.writeBytes("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        Api.Response r = upload(held, "roof.png", "image/png", polyglot.toByteArray());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("image_invalid");
        Api.Response garbage = upload(held, "roof.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D,
                0x0A, 0x1A, 0x0A, 1, 2, 3 });
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void anOversizedUploadIsRefusedWith413() {
        Held held = startOnTheDay(scheduledJob());
        byte[] big = new byte[11 * 1024 * 1024];
        byte[] png = TestImages.png(8, 8);
        System.arraycopy(png, 0, big, 0, png.length);
        Api.Response r = upload(held, "huge.png", "image/png", big);
        if (r.raw() != null) {
            assertThat(r.status()).as(r.toString()).isEqualTo(413);
        }
        assertThat(api.get(INSTALLER + held.jobId(), held.installer().access()).json().path("draftPhotos").size())
                .isZero();
    }

    @Test
    void exifMetadataWithGpsIsStrippedByReencoding() {
        Held held = startOnTheDay(scheduledJob());
        byte[] jpeg = TestImages.jpeg(64, 64);
        byte[] app1 = "Exif\0\0MM\0*GPSLatitude=52.520008N;GPSLongitude=13.404954E".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(0xFF);
        withExif.write(0xD8);
        withExif.write(0xFF);
        withExif.write(0xE1);
        withExif.write((app1.length + 2) >> 8);
        withExif.write((app1.length + 2) & 0xFF);
        withExif.writeBytes(app1);
        withExif.write(jpeg, 2, jpeg.length - 2);
        Api.Response r = upload(held, "roof.jpg", "image/jpeg", withExif.toByteArray());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        byte[] stored = api.getBytes(r.json().path("url").asString(), held.installer().access()).body();
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("GPSLatitude").doesNotContain("52.520008");
    }

    @Test
    void atMostTenPhotosWaitForAReportAndDraftsCanBeRemoved() {
        Held held = startOnTheDay(scheduledJob());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(uploadPhoto(held));
        }
        Api.Response eleventh = upload(held, "roof.png", "image/png", TestImages.png(10, 10));
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.code()).isEqualTo("too_many_photos");
        assertThat(api.send("DELETE", INSTALLER + held.jobId() + "/photos/" + ids.get(0), null,
                held.installer().access(), Map.of()).status()).isEqualTo(204);
        assertThat(api.getBytes(CUSTOMER + held.jobId() + "/photos/" + ids.get(0), held.installer().access())
                .statusCode()).isEqualTo(404);
        assertThat(upload(held, "roof.png", "image/png", TestImages.png(10, 10)).status()).isEqualTo(201);
    }

    @Test
    void photosCannotBeAddedBeforeTheWorkStarts() {
        Held held = scheduledJob();
        Api.Response r = upload(held, "roof.png", "image/png", TestImages.png(10, 10));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("invalid_state");
    }

    @Test
    void photosReachOnlyTheCustomerTheInstallerAndAdmins() {
        Held held = reportedJob();
        JsonNode report = api.get("/api/v1/orders/" + held.paid().orderId() + "/installation",
                held.customer().access()).json().path("report");
        String url = report.path("photos").get(0).path("url").asString();
        HttpResponse<byte[]> customer = api.getBytes(url, held.customer().access());
        assertThat(customer.statusCode()).isEqualTo(200);
        assertThat(customer.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(customer.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline")
                .contains("photo-");
        assertThat(customer.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
        assertThat(customer.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(api.getBytes(url, held.installer().access()).statusCode()).isEqualTo(200);
        assertThat(api.getBytes(url, adminToken()).statusCode()).isEqualTo(200);

        assertThat(api.getBytes(url, null).statusCode()).isEqualTo(401);
        assertThat(api.getBytes(url, login(registerVerifiedCustomer(), PASSWORD).access()).statusCode())
                .isEqualTo(404);
        assertThat(api.getBytes(url, installer(3).access()).statusCode()).isEqualTo(404);
        // A photo id under another job is not found either.
        Held other = reportedJob();
        String photoId = url.substring(url.lastIndexOf('/') + 1);
        assertThat(api.getBytes(CUSTOMER + other.jobId() + "/photos/" + photoId, other.customer().access())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void strangersReachNoneOfTheReportRoutesAndOnlyAdminsTheJobDetail() {
        Held held = reportedJob();
        String photoId = api.get(INSTALLER + held.jobId(), held.installer().access()).json().path("report")
                .path("photos").get(0).path("photoId").asString();
        String stranger = login(registerVerifiedCustomer(), PASSWORD).access();
        Installer otherInstaller = installer(4);
        Map<String, Object> dispute = Map.of("reason", "Somebody else's installation.");

        // Another customer: the job does not exist for them.
        assertThat(api.post(CUSTOMER + held.jobId() + "/confirm", null, stranger).status()).isEqualTo(404);
        assertThat(api.post(CUSTOMER + held.jobId() + "/dispute", dispute, stranger).status()).isEqualTo(404);
        assertThat(api.post(CUSTOMER + held.jobId() + "/appointment/reschedule", Map.of("reason", "x"), stranger)
                .status()).isEqualTo(404);
        // Another installer: neither the job, its photos nor its report.
        assertThat(api.send("DELETE", INSTALLER + held.jobId() + "/photos/" + photoId, null, otherInstaller.access(),
                Map.of()).status()).isEqualTo(404);
        assertThat(api.post(INSTALLER + held.jobId() + "/complete", report(6, List.of(photoId)),
                otherInstaller.access()).status()).isEqualTo(404);
        assertThat(api.upload(INSTALLER + held.jobId() + "/photos", "photo", "roof.png", "image/png",
                TestImages.png(8, 8), otherInstaller.access()).status()).isEqualTo(404);
        // A customer on an installer's route: 403; the admin detail: admins only, and an unknown job 404.
        assertThat(api.upload(INSTALLER + held.jobId() + "/photos", "photo", "roof.png", "image/png",
                TestImages.png(8, 8), held.customer().access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/jobs/" + held.jobId(), held.customer().access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/jobs/" + held.jobId(), held.installer().access()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/jobs/" + held.jobId(), null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/jobs/00000000-0000-4000-8000-000000000009", adminToken()).status())
                .isEqualTo(404);
        // Nothing of it changed the job.
        assertThat(api.get("/api/v1/orders/" + held.paid().orderId() + "/installation", held.customer().access())
                .json().path("status").asString()).isEqualTo("AWAITING_CONFIRMATION");
    }

    @Test
    void aRevokedInstallerNoLongerReachesThePhotosOfJobsTheyHeld() {
        Held held = reportedJob();
        String url = api.get(INSTALLER + held.jobId(), held.installer().access()).json().path("report")
                .path("photos").get(0).path("url").asString();
        Api.Response revoked = api.post("/api/v1/admin/installers/" + held.installer().id() + "/revoke",
                Map.of("reason", "Licence withdrawn"), adminToken());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        // Signed in again, now without the INSTALLER role: the photos of the job stay out of reach.
        String access = login(held.installer().email(), PASSWORD).access();
        assertThat(api.getBytes(url, access).statusCode()).isEqualTo(404);
        assertThat(api.getBytes(url, held.customer().access()).statusCode()).isEqualTo(200);
    }

    @Test
    void theReportMustBeCompleteWithOneSerialPerPanelAndOwnPhotos() {
        Held held = startOnTheDay(scheduledJob());
        String photo = uploadPhoto(held);
        String route = INSTALLER + held.jobId() + "/complete";
        String access = held.installer().access();

        assertThat(api.post(route, report(5, List.of(photo)), access).code()).isEqualTo("serial_count_mismatch");
        Map<String, Object> duplicate = new HashMap<>(report(6, List.of(photo)));
        duplicate.put("serialNumbers", List.of("SN-1", "SN-2", "SN-3", "SN-4", "SN-5", "sn-1"));
        assertThat(api.post(route, duplicate, access).code()).isEqualTo("duplicate_serial");
        Map<String, Object> unticked = new HashMap<>(report(6, List.of(photo)));
        unticked.put("checklist", Map.of("panelsMounted", true, "inverterConnected", true, "systemCommissioned",
                false, "gridDocumentsHandedOver", true));
        assertThat(api.post(route, unticked, access).code()).isEqualTo("checklist_incomplete");
        assertThat(api.post(route, report(6, List.of()), access).code()).isEqualTo("photos_required");
        Held other = startOnTheDay(scheduledJob());
        String foreign = uploadPhoto(other);
        // The other job's day is a week later: sign in again there.
        Held later = at(held, clock.instant());
        assertThat(api.post(route, report(6, List.of(foreign)), later.installer().access()).code())
                .isEqualTo("unknown_photo");
        Map<String, Object> noChecklist = new HashMap<>(report(6, List.of(photo)));
        noChecklist.remove("checklist");
        assertThat(api.post(route, noChecklist, later.installer().access()).status()).isEqualTo(400);
        // Nothing of the refused attempts stuck: the photo is still a draft, the job still in progress.
        JsonNode job = api.get(INSTALLER + held.jobId(), later.installer().access()).json();
        assertThat(job.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(job.path("draftPhotos").size()).isEqualTo(1);
        assertThat(job.path("report").isNull()).isTrue();

        Api.Response done = api.post(route, report(6, List.of(photo)), later.installer().access());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().path("status").asString()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(done.json().path("report").path("serialNumbers").size()).isEqualTo(6);
        assertThat(done.json().path("draftPhotos").size()).isZero();
        assertThat(orderStatus(later.paid())).isEqualTo("AWAITING_CONFIRMATION");
        // Submitting twice is a move the machine does not have.
        assertThat(api.post(route, report(6, List.of(photo)), later.installer().access()).code())
                .isEqualTo("invalid_state");
    }

    @Test
    void completingBeforeStartingIsAnInvalidState() {
        Held held = scheduledJob();
        Api.Response r = api.post(INSTALLER + held.jobId() + "/complete", report(6, List.of("x")),
                held.installer().access());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("invalid_state");
    }

    @Test
    void theCustomerConfirmsAndTheOrderCompletesThenMayReview() {
        Held held = reportedJob();
        JsonNode seen = api.get("/api/v1/orders/" + held.paid().orderId() + "/installation",
                held.customer().access()).json();
        assertThat(seen.path("status").asString()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(seen.path("confirmBy").asString()).isNotBlank();
        assertThat(seen.path("report").path("checklist").path("gridDocumentsHandedOver").asBoolean()).isTrue();
        assertThat(api.post(CUSTOMER + held.jobId() + "/review", Map.of("rating", 5), held.customer().access())
                .code()).isEqualTo("invalid_state");
        // Only the job's own customer: the installer cannot confirm their own work.
        assertThat(api.post(CUSTOMER + held.jobId() + "/confirm", null, held.installer().access()).status())
                .isEqualTo(404);

        Api.Response confirmed = api.post(CUSTOMER + held.jobId() + "/confirm", null, held.customer().access());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(orderStatus(held.paid())).isEqualTo("COMPLETED");
        assertThat(events.of(JobCompleted.class)).anyMatch(e -> e.jobId().equals(held.jobId())
                && e.confirmedBy() == Actor.CUSTOMER);
        assertThat(api.post(CUSTOMER + held.jobId() + "/review", Map.of("rating", 5, "comment", "Great"),
                held.customer().access()).status()).isEqualTo(201);
        assertThat(api.post(CUSTOMER + held.jobId() + "/confirm", null, held.customer().access()).code())
                .isEqualTo("invalid_state");
    }

    @Test
    void withoutAnAnswerTheCustomerIsRemindedAfterThreeDaysAndItIsConfirmedAfterSeven() {
        Held held = reportedJob();
        Held later = at(held, clock.instant().plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
        installations.runTimers();
        assertThat(events.of(CompletionReminderDue.class).stream().filter(e -> e.jobId().equals(held.jobId())))
                .hasSize(1);
        installations.runTimers();
        assertThat(events.of(CompletionReminderDue.class).stream().filter(e -> e.jobId().equals(held.jobId())))
                .hasSize(1);
        assertThat(api.get("/api/v1/orders/" + held.paid().orderId() + "/installation", later.customer().access())
                .json().path("status").asString()).isEqualTo("AWAITING_CONFIRMATION");

        Held week = at(later, clock.instant().plus(Duration.ofDays(4)));
        installations.runTimers();
        assertThat(orderStatus(week.paid())).isEqualTo("COMPLETED");
        assertThat(events.of(JobCompleted.class)).anyMatch(e -> e.jobId().equals(held.jobId())
                && e.confirmedBy() == Actor.SYSTEM);
    }

    @Test
    void aDisputeAlertsAdminsWhoSendTheInstallerBackToReworkIt() {
        Held held = reportedJob();
        assertThat(api.post(CUSTOMER + held.jobId() + "/dispute", Map.of("reason", "short"),
                held.customer().access()).status()).isEqualTo(400);
        Api.Response disputed = api.post(CUSTOMER + held.jobId() + "/dispute",
                Map.of("reason", "The inverter shows an error and one panel is cracked."), held.customer().access());
        assertThat(disputed.status()).as(disputed.toString()).isEqualTo(200);
        assertThat(disputed.json().path("status").asString()).isEqualTo("DISPUTED");
        assertThat(orderStatus(held.paid())).isEqualTo("DISPUTED");
        eventually("the JOB_DISPUTED alert", () -> events.of(AlertRaised.class).stream()
                .anyMatch(a -> a.type().equals("JOB_DISPUTED") && a.subject().equals(held.jobId())));
        // Confirmation is no longer the customer's to give; the timer does not confirm a disputed job either.
        assertThat(api.post(CUSTOMER + held.jobId() + "/confirm", null, held.customer().access()).code())
                .isEqualTo("invalid_state");

        String admin = adminToken();
        assertThat(api.get("/api/v1/admin/jobs?status=DISPUTED&size=100", admin).body()).contains(held.jobId());
        JsonNode detail = api.get("/api/v1/admin/jobs/" + held.jobId(), admin).json();
        assertThat(detail.path("dispute").path("reason").asString()).contains("inverter");
        assertThat(detail.path("reports").size()).isEqualTo(1);
        assertThat(api.post("/api/v1/admin/jobs/" + held.jobId() + "/resolve", Map.of("outcome", "REWORK",
                "note", "Please replace the cracked panel."), held.customer().access()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/jobs/" + held.jobId() + "/resolve", Map.of("outcome", "MAYBE",
                "note", "Hm"), admin).status()).isEqualTo(400);

        Api.Response rework = api.post("/api/v1/admin/jobs/" + held.jobId() + "/resolve", Map.of("outcome", "REWORK",
                "note", "Please replace the cracked panel."), admin);
        assertThat(rework.status()).as(rework.toString()).isEqualTo(200);
        assertThat(rework.json().path("job").path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(orderStatus(held.paid())).isEqualTo("INSTALLING");
        assertThat(api.post("/api/v1/admin/jobs/" + held.jobId() + "/resolve", Map.of("outcome", "COMPLETE",
                "note", "Again"), admin).code()).isEqualTo("invalid_state");

        // The installer reports again with new photos; the customer confirms this time.
        String photo = uploadPhoto(held);
        assertThat(api.post(INSTALLER + held.jobId() + "/complete", report(6, List.of(photo)),
                held.installer().access()).status()).isEqualTo(200);
        assertThat(api.post(CUSTOMER + held.jobId() + "/confirm", null, held.customer().access()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/admin/jobs/" + held.jobId(), admin).json().path("reports").size()).isEqualTo(2);
        assertThat(orderStatus(held.paid())).isEqualTo("COMPLETED");
    }

    @Test
    void adminsResolveADisputeAsCompleteOrCancelWithARefund() {
        Held completed = reportedJob();
        api.post(CUSTOMER + completed.jobId() + "/dispute", Map.of("reason", "Not happy with the cabling work."),
                completed.customer().access());
        String admin = adminToken();
        Api.Response complete = api.post("/api/v1/admin/jobs/" + completed.jobId() + "/resolve",
                Map.of("outcome", "COMPLETE", "note", "The photos show a proper installation."), admin);
        assertThat(complete.status()).as(complete.toString()).isEqualTo(200);
        assertThat(orderStatus(completed.paid())).isEqualTo("COMPLETED");
        assertThat(events.of(JobCompleted.class)).anyMatch(e -> e.jobId().equals(completed.jobId())
                && e.confirmedBy() == Actor.ADMIN);

        Held cancelled = reportedJob();
        api.post(CUSTOMER + cancelled.jobId() + "/dispute", Map.of("reason", "Nobody finished the installation."),
                cancelled.customer().access());
        Api.Response cancel = api.post("/api/v1/admin/jobs/" + cancelled.jobId() + "/resolve",
                Map.of("outcome", "CANCEL", "note", "The installation cannot be finished; refunding."), adminToken());
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.json().path("job").path("status").asString()).isEqualTo("CANCELLED");
        JsonNode order = api.get("/api/v1/orders/" + cancelled.paid().orderId(), cancelled.customer().access()).json();
        assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.path("refundDue").asBoolean()).isTrue();
        assertThat(events.of(OrderCancelled.class)).anyMatch(e -> e.orderId().equals(cancelled.paid().orderId())
                && e.reason() == OrderCancelled.Reason.ADMIN && e.refundDue());
        assertThat(events.of(DisputeResolved.class)).anyMatch(e -> e.jobId().equals(cancelled.jobId())
                && e.outcome() == DisputeResolved.Outcome.CANCEL);
    }

    @Test
    void adminsCanStopAnInstallationInProgressButNotOneBeforeItStarts() {
        Held scheduled = scheduledJob();
        String admin = adminToken();
        assertThat(api.post("/api/v1/admin/jobs/" + scheduled.jobId() + "/cancel", Map.of("note", "Customer moved"),
                admin).code()).isEqualTo("invalid_state");
        Held started = startOnTheDay(scheduledJob());
        Api.Response cancel = api.post("/api/v1/admin/jobs/" + started.jobId() + "/cancel",
                Map.of("note", "Installer reported structural roof damage."), adminToken());
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.json().path("job").path("status").asString()).isEqualTo("CANCELLED");
        assertThat(orderStatus(started.paid())).isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/admin/jobs/" + started.jobId() + "/cancel", Map.of("note", "x"),
                started.customer().access()).status()).isEqualTo(403);
    }
}
