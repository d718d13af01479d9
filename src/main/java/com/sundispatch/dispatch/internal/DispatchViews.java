package com.sundispatch.dispatch.internal;

import java.time.Instant;

import com.sundispatch.dispatch.JobStatus;

/** What each party may see of applications, offers and jobs: no customer contact before acceptance. */
public final class DispatchViews {

    private DispatchViews() {
    }

    public record Window(Instant start, Instant end) {
    }

    public record ApplicationView(String id, String userId, String status, String companyName, String licenseNumber,
            double baseLatitude, double baseLongitude, int serviceRadiusKm, String phone, Instant createdAt,
            Instant decidedAt, String rejectReason) {

        static ApplicationView of(InstallerApplication a) {
            return new ApplicationView(a.id(), a.userId(), a.status().name(), a.companyName(), a.licenseNumber(),
                    a.baseLatitude(), a.baseLongitude(), a.serviceRadiusKm(), a.phone(), a.createdAt(), a.decidedAt(),
                    a.rejectReason());
        }
    }

    /** An approved installer as admins see it: ACTIVE, BANNED (mirrored from identity) or REVOKED. */
    public record InstallerView(String installerId, String companyName, String status, double rating,
            long ratingCount, int serviceRadiusKm, Instant approvedAt, Instant bannedUntil, Instant revokedAt,
            String revokeReason) {

        static InstallerView of(InstallerProfile p, Instant now) {
            String status = p.revokedAt() != null ? "REVOKED" : p.eligible(now) ? "ACTIVE" : "BANNED";
            return new InstallerView(p.userId(), p.companyName(), status, p.rating(), p.ratingCount(),
                    p.serviceRadiusKm(), p.approvedAt(), p.bannedUntil(), p.revokedAt(), p.revokeReason());
        }
    }

    /** An offer: distance, window, size and city only. */
    public record OfferView(String offerId, String jobId, double distanceKm, Instant expiresAt, Window window,
            int panelCount, String city) {
    }

    public record Customer(String name, String phone) {
    }

    public record Address(String addressLine, String city, String postalCode, String country, double latitude,
            double longitude) {
    }

    /** A job as its assigned installer sees it, with the customer's contact details. */
    public record InstallerJobView(String jobId, JobStatus status, Window window, int panelCount, Customer customer,
            Address address) {
    }

    public record InstallerSummary(String name, String companyName, double rating) {
    }

    /** The installation as its customer sees it. */
    public record InstallationView(String jobId, JobStatus status, InstallerSummary installer, Instant scheduledStart,
            Instant scheduledEnd) {
    }

    public record AdminJobView(String jobId, String orderId, JobStatus status, String city, Window window,
            int panelCount, int attempt, int round, String installerId, Instant createdAt) {

        public static AdminJobView of(Job j) {
            return new AdminJobView(j.id(), j.orderId(), j.status(), j.city(), new Window(j.windowStart(),
                    j.windowEnd()), j.panelCount(), j.attempt(), j.round(), j.installerId(), j.createdAt());
        }
    }

    public record ReviewView(String jobId, int rating, String comment, Instant createdAt) {
    }
}
