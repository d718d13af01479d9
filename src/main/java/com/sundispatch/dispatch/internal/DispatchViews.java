package com.sundispatch.dispatch.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.Nullable;

import com.sundispatch.dispatch.DisputeResolved;
import com.sundispatch.dispatch.JobStatus;
import com.sundispatch.places.Locations;
import com.sundispatch.places.Point;
import com.sundispatch.shared.Actor;
import io.swagger.v3.oas.annotations.media.Schema;

/** What each party may see of applications, offers and jobs: no customer contact before acceptance. */
public final class DispatchViews {

    private DispatchViews() {
    }

    public record Window(Instant start, Instant end) {
    }

    /** {@code baseAddress} is null for applications made before addresses were asked for. */
    public record ApplicationView(String id, String userId,
            @Schema(implementation = InstallerApplication.Status.class)
            String status, String companyName, String licenseNumber,
            @Nullable BaseAddress baseAddress, double baseLatitude, double baseLongitude, int serviceRadiusKm,
            @Nullable String phone,
            Instant createdAt, @Nullable Instant decidedAt, @Nullable String rejectReason) {

        static ApplicationView of(InstallerApplication a) {
            return new ApplicationView(a.id(), a.userId(), a.status().name(), a.companyName(), a.licenseNumber(),
                    a.baseAddress(), a.baseLatitude(), a.baseLongitude(), a.serviceRadiusKm(), a.phone(),
                    a.createdAt(), a.decidedAt(), a.rejectReason());
        }
    }

    /** An approved installer as admins see it: ACTIVE, BANNED (mirrored from identity) or REVOKED. */
    public record InstallerView(String installerId, String companyName,
            @Schema(allowableValues = { InstallerView.ACTIVE, InstallerView.BANNED, InstallerView.REVOKED })
            String status, double rating,
            long ratingCount, int serviceRadiusKm, @Nullable Instant approvedAt, @Nullable Instant bannedUntil,
            @Nullable Instant revokedAt,
            @Nullable String revokeReason) {

        static final String ACTIVE = "ACTIVE";
        static final String BANNED = "BANNED";
        static final String REVOKED = "REVOKED";

        static InstallerView of(InstallerProfile p, Instant now) {
            return new InstallerView(p.userId(), p.companyName(), statusOf(p, now), p.rating(), p.ratingCount(),
                    p.serviceRadiusKm(), p.approvedAt(), p.bannedUntil(), p.revokedAt(), p.revokeReason());
        }

        static String statusOf(InstallerProfile p, Instant now) {
            return p.revokedAt() != null ? REVOKED : p.eligible(now) ? ACTIVE : BANNED;
        }
    }

    /**
     * An offer: what an installer may know before accepting. The place to postal-area precision, a point snapped
     * to the ~1 km grid ({@link Locations#coarse}) and the distance in whole km from the installer's base to that
     * point (not to the home: with the real distance the two would narrow the home below the cell); never the
     * street, the exact point or the customer.
     */
    public record OfferView(String offerId, String jobId, int distanceKm, Instant expiresAt, Window window,
            int panelCount, String city, String postalCode, Point approximateLocation) {

        static OfferView of(JobOffer o, Job j) {
            return new OfferView(o.id(), j.id(), Locations.roundedKm(o.distanceKm()), o.expiresAt(),
                    new Window(j.windowStart(), j.windowEnd()), j.panelCount(), j.city(), j.postalCode(),
                    Locations.coarse(j.latitude(), j.longitude()));
        }
    }

    /** Null members: the customer gave no phone, or no account has the customer's id any more (no name either). */
    @Schema(name = "InstallationCustomer")
    public record Customer(@Nullable String name, @Nullable String phone) {
    }

    public record Address(String addressLine, String city, String postalCode, String country, double latitude,
            double longitude) {
    }

    /** Links that open the exact point: {@code geo:} for phones' map apps, an https map for everything else. */
    public record MapLinks(String geo, String web) {

        static MapLinks of(double latitude, double longitude) {
            return new MapLinks(Locations.geoUri(latitude, longitude), Locations.webMapUrl(latitude, longitude));
        }
    }

    /**
     * A job as its assigned installer sees it, with the customer's contact details and the exact address, the
     * appointment and its negotiation, the photos uploaded for the report not yet submitted, the current report and
     * any dispute. {@code canStart}: the job is scheduled for today (in the installation's time zone).
     */
    public record InstallerJobView(String jobId, JobStatus status, Window window, int panelCount, Customer customer,
            Address address, MapLinks mapLinks, @Nullable Appointment appointment, @Nullable Scheduling scheduling,
            List<Photo> draftPhotos, @Nullable Report report, @Nullable Dispute dispute, boolean canStart,
            @Nullable Instant confirmBy) {

        public InstallerJobView {
            draftPhotos = List.copyOf(draftPhotos);
        }
    }

    /**
     * Who installs: shown to the customer once assigned, with the phone to agree details; {@code id} is the
     * installer's id, the key of their public profile ({@code GET /api/v1/public/installers/{id}}).
     */
    public record InstallerSummary(String id, String name, String companyName, double rating, @Nullable String phone) {
    }

    /** The customer's own review of the installation, as written. */
    public record OwnReview(int rating, @Nullable String comment, Instant createdAt) {
    }

    /**
     * The installation as its customer sees it. {@code scheduledStart}/{@code scheduledEnd} are the agreed
     * appointment (null until agreed); {@code confirmBy} is when an unanswered report is confirmed automatically;
     * {@code review} is the customer's review once written (else null).
     */
    public record InstallationView(String jobId, JobStatus status, @Nullable InstallerSummary installer,
            @Nullable Instant scheduledStart,
            @Nullable Instant scheduledEnd, Window window, @Nullable Appointment appointment,
            @Nullable Scheduling scheduling, @Nullable Report report,
            @Nullable Dispute dispute, @Nullable Instant confirmBy, @Nullable Instant reminderSentAt,
            boolean reviewed, @Nullable OwnReview review,
            @Nullable Instant assignedAt, @Nullable Instant startedAt, @Nullable Instant completedAt) {
    }

    /** One proposal of a negotiation; {@code status} OPEN, ACCEPTED, SUPERSEDED or WITHDRAWN. */
    public record Proposal(String id, Instant start, Instant end, Actor proposedBy, Instant createdAt,
            @Schema(implementation = AppointmentProposal.Status.class)
            String status) {

        static Proposal of(AppointmentProposal p) {
            return new Proposal(p.id(), p.start(), p.end(), p.proposedBy(), p.createdAt(), p.status().name());
        }
    }

    /** The agreed appointment; {@code rescheduleUntil} is the last moment either party may move it. */
    public record Appointment(Instant start, Instant end, @Nullable Instant agreedAt, String timeZone,
            @Nullable Instant rescheduleUntil) {
    }

    /** The current negotiation: the proposal waiting for an answer, how many more may be made, and all so far. */
    public record Scheduling(@Nullable Proposal openProposal, int proposalsLeft, List<Proposal> history) {

        public Scheduling {
            history = List.copyOf(history);
        }
    }

    /** A photo; {@code url} is its download path (bearer token required). */
    public record Photo(String photoId, String contentType, int bytes, int width, int height, Instant uploadedAt,
            String url) {

        static Photo of(JobPhoto p) {
            return new Photo(p.id(), p.contentType(), p.bytes(), p.width(), p.height(), p.uploadedAt(),
                    "/api/v1/installations/" + p.jobId() + "/photos/" + p.id());
        }
    }

    public record Checklist(boolean panelsMounted, boolean inverterConnected, boolean systemCommissioned,
            boolean gridDocumentsHandedOver) {
    }

    @Schema(name = "CompletionReport")
    public record Report(Instant submittedAt, Checklist checklist, List<String> serialNumbers, String notes,
            List<Photo> photos) {

        public Report {
            serialNumbers = List.copyOf(serialNumbers);
            photos = List.copyOf(photos);
        }
    }

    public record Resolution(DisputeResolved.Outcome outcome, @Nullable String note, Instant resolvedAt) {
    }

    /** The customer's dispute of the current report and, once decided, the admins' resolution. */
    public record Dispute(String reason, Instant disputedAt, @Nullable Resolution resolution) {
    }

    /**
     * Everything about one job for admins: reports newest first; {@code cancellationNote} when an admin stopped
     * the work in progress.
     */
    public record AdminJobDetail(AdminJobView job, String customerId, Window window, @Nullable Appointment appointment,
            @Nullable Scheduling scheduling, List<Report> reports, @Nullable Dispute dispute,
            @Nullable String cancellationNote) {

        public AdminJobDetail {
            reports = List.copyOf(reports);
        }
    }

    public record AdminJobView(String jobId, String orderId, JobStatus status, String city, Window window,
            int panelCount, int attempt, int round, @Nullable String installerId, Instant createdAt) {

        public static AdminJobView of(Job j) {
            return new AdminJobView(j.id(), j.orderId(), j.status(), j.city(), new Window(j.windowStart(),
                    j.windowEnd()), j.panelCount(), j.attempt(), j.round(), j.installerId(), j.createdAt());
        }
    }

    /** A job not yet assigned, for the admins' map: the exact point (admins may see it). */
    public record MapJob(String jobId, String orderId, JobStatus status, String city, String postalCode,
            double latitude, double longitude, int panelCount, Window window) {

        static MapJob of(Job j) {
            return new MapJob(j.id(), j.orderId(), j.status(), j.city(), j.postalCode(), j.latitude(), j.longitude(),
                    j.panelCount(), new Window(j.windowStart(), j.windowEnd()));
        }
    }

    /** An installer's service area for the admins' map; status as in {@link InstallerView}. */
    public record MapInstaller(String installerId, String companyName,
            @Schema(allowableValues = { InstallerView.ACTIVE, InstallerView.BANNED, InstallerView.REVOKED })
            String status, double latitude,
            double longitude, int serviceRadiusKm) {

        static MapInstaller of(InstallerProfile p, Instant now) {
            return new MapInstaller(p.userId(), p.companyName(), InstallerView.statusOf(p, now), p.baseLatitude(),
                    p.baseLongitude(), p.serviceRadiusKm());
        }
    }

    /** The admins' map; {@code jobs} holds at most the newest {@code jobsLimit}, {@code jobsTruncated} if more. */
    public record AdminMap(List<MapJob> jobs, List<MapInstaller> installers, int jobsLimit, boolean jobsTruncated,
            int installersLimit, boolean installersTruncated) {

        public AdminMap {
            jobs = List.copyOf(jobs);
            installers = List.copyOf(installers);
        }
    }

    public record ReviewView(String jobId, int rating, @Nullable String comment, Instant createdAt) {
    }

    /** A star rating: {@code average} to one decimal, null while {@code count} is 0. */
    public record Rating(@Nullable BigDecimal average, long count) {

        static Rating of(long sum, long count) {
            return new Rating(count == 0 ? null
                    : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP), count);
        }
    }

    /** Where an installer works: their base's postal area (never the street) and how far they travel. */
    public record Area(String city, String postalCode, String country, int radiusKm) {
    }

    /** A review as anyone may read it: {@code author} is "Anna M." (null if the account no longer exists). */
    public record PublicReview(int rating, @Nullable String comment, @Nullable String author, Instant createdAt) {
    }

    /** An installer's public profile with their latest reviews, newest first. */
    public record PublicInstallerProfile(String id, String company, Area area, Instant verifiedSince, Rating rating,
            List<PublicReview> reviews) {

        public PublicInstallerProfile {
            reviews = List.copyOf(reviews);
        }
    }

    /** A review on the landing page, with the installer it is about. */
    public record LandingReview(int rating, @Nullable String comment, @Nullable String author,
            @Nullable String company, String installerId,
            Instant createdAt) {
    }

    /** The landing page's trust signals: every shown installer's rating together, and the latest reviews. */
    public record ReviewsOverview(Rating rating, List<LandingReview> items) {

        public ReviewsOverview {
            items = List.copyOf(items);
        }
    }
}
