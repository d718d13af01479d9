package com.sundispatch.dispatch.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.dispatch.InstallerApplicationSubmitted;
import com.sundispatch.dispatch.InstallerApproved;
import com.sundispatch.dispatch.InstallerRejected;
import com.sundispatch.dispatch.internal.DispatchViews.ApplicationView;
import com.sundispatch.dispatch.internal.DispatchViews.InstallerView;
import com.sundispatch.dispatch.internal.DispatchViews.Window;
import com.sundispatch.identity.Accounts;
import com.sundispatch.identity.Role;
import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;

/** Becoming an installer, and an installer's availability. */
@Service
public class InstallerService {

    /** An application; the base point was derived from {@code baseAddress} (and the applicant's pin) already. */
    public record ApplicationData(String companyName, String licenseNumber, BaseAddress baseAddress,
            double baseLatitude, double baseLongitude, int serviceRadiusKm, String phone) {
    }

    /** Where an approved installer works: the base address, the point derived from it, and how far they travel. */
    public record ServiceArea(BaseAddress baseAddress, double latitude, double longitude, int serviceRadiusKm) {
    }

    static final int MAX_OPEN_APPLICATIONS = 3;
    static final Duration MAX_AHEAD = Duration.ofDays(90);
    static final int MAX_SLOTS = 200;

    private final InstallerApplicationRepository applications;
    private final InstallerProfileRepository profiles;
    private final AvailabilitySlotRepository slots;
    private final Accounts accounts;
    private final Clock clock;
    private final SecurityEvents audit;
    private final Dispatcher dispatcher;
    private final ApplicationEventPublisher events;

    private final PersonalDataSeal personalData;

    InstallerService(InstallerApplicationRepository applications, InstallerProfileRepository profiles,
            AvailabilitySlotRepository slots, Accounts accounts, Clock clock,
            SecurityEvents audit, Dispatcher dispatcher, ApplicationEventPublisher events, PersonalDataSeal personalData) {
        this.personalData = personalData;
        this.events = events;
        this.audit = audit;
        this.dispatcher = dispatcher;
        this.applications = applications;
        this.profiles = profiles;
        this.slots = slots;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Refuses, before anything costly such as geocoding the base address, an application that {@link #apply}
     * would refuse anyway: unverified email, already an installer or admin, too many awaiting a decision.
     */
    @Transactional(readOnly = true)
    public void requireMayApply(String userId) {
        accounts.requireVerifiedEmail(userId);
        if (accounts.find(userId).map(a -> a.role() != Role.CUSTOMER).orElse(true)) {
            throw ApiException.conflict("already_installer", "This account is already an installer or an admin.");
        }
        if (applications.countByUserIdAndStatus(userId, InstallerApplication.Status.PENDING)
                >= MAX_OPEN_APPLICATIONS) {
            throw ApiException.conflict("too_many_applications",
                    "You have " + MAX_OPEN_APPLICATIONS + " applications awaiting a decision already.");
        }
    }

    @Transactional
    public ApplicationView apply(String userId, ApplicationData data) {
        requireMayApply(userId);
        // A free slot of 1..3; two concurrent applications picking the same one collide on uk_applications_pending
        // (409 application_in_progress), so the limit cannot be raced past.
        List<Integer> used = applications.pendingSlots(userId);
        int slot = 1;
        while (used.contains(slot)) {
            slot++;
        }
        if (slot > MAX_OPEN_APPLICATIONS) {
            throw ApiException.conflict("too_many_applications",
                    "You have " + MAX_OPEN_APPLICATIONS + " applications awaiting a decision already.");
        }
        InstallerApplication a = applications.saveAndFlush(new InstallerApplication(UUID.randomUUID().toString(),
                userId, data.companyName(), data.licenseNumber(), data.baseAddress(), data.baseLatitude(),
                data.baseLongitude(),
                data.serviceRadiusKm(), data.phone(), clock.instant(), slot));
        events.publishEvent(new InstallerApplicationSubmitted(EventIds.next(), a.id(), userId, a.companyName(),
                a.createdAt()));
        return ApplicationView.of(a);
    }

    @Transactional(readOnly = true)
    public Page<ApplicationView> mine(String userId, Pageable pageable) {
        return applications.findByUserId(userId, pageable).map(ApplicationView::of);
    }

    @Transactional(readOnly = true)
    public Page<ApplicationView> byStatus(String statusName, Pageable pageable) {
        InstallerApplication.Status status = statusName == null ? null : InstallerApplication.Status.valueOf(statusName);
        return (status == null ? applications.findAll(pageable) : applications.findByStatus(status, pageable))
                .map(ApplicationView::of);
    }

    /** Approves once: the applicant becomes an installer (the new role arrives with their next token refresh). */
    @Transactional
    public ApplicationView approve(String adminId, String applicationId) {
        InstallerApplication a = applications.findById(applicationId)
                .orElseThrow(() -> ApiException.notFound("No such application."));
        Instant now = clock.instant();
        if (applications.decide(applicationId, InstallerApplication.Status.APPROVED, now, adminId, null) != 1) {
            throw ApiException.conflict("invalid_state", "This application was already decided.");
        }
        // Approving a new application is the explicit admin action that makes a revoked installer one again.
        profiles.findById(a.userId()).ifPresentOrElse(p -> p.reapprove(a, now),
                () -> profiles.saveAndFlush(new InstallerProfile(a, now)));
        accounts.promoteToInstaller(a.userId());
        audit.publish("INSTALLER_APPROVED", a.userId(), SecurityEvent.Outcome.INFO,
                java.util.Map.of("applicationId", applicationId, "by", adminId));
        events.publishEvent(new InstallerApproved(EventIds.next(), applicationId, a.userId(), a.companyName(), now));
        return ApplicationView.of(applications.findById(applicationId).orElseThrow());
    }

    /**
     * Takes an approval back: no more offers, open offers withdrawn, assigned jobs not yet started go back to
     * dispatch without them, and identity takes the INSTALLER role back (ending every session). Lifting a later
     * ban does not undo this; only approving a new application does.
     */
    @Transactional
    public InstallerView revoke(String adminId, String installerId, String reason) {
        InstallerProfile profile = profiles.findById(installerId)
                .orElseThrow(() -> ApiException.notFound("No such installer."));
        Instant now = clock.instant();
        if (profiles.revoke(profile.userId(), now, adminId, reason.trim()) != 1) {
            throw ApiException.conflict("already_revoked", "This installer's approval was revoked already.");
        }
        dispatcher.suspend(installerId);
        accounts.revokeInstaller(installerId);
        audit.publish("INSTALLER_REVOKED", installerId, SecurityEvent.Outcome.INFO,
                java.util.Map.of("by", adminId));
        return InstallerView.of(profiles.findById(installerId).orElseThrow(), now);
    }

    @Transactional(readOnly = true)
    public Page<InstallerView> installers(String status, Pageable pageable) {
        Instant now = clock.instant();
        return profiles.byRevoked("REVOKED".equals(status), pageable).map(p -> InstallerView.of(p, now));
    }

    @Transactional
    public ApplicationView reject(String adminId, String applicationId, String reason) {
        applications.findById(applicationId).orElseThrow(() -> ApiException.notFound("No such application."));
        Instant now = clock.instant();
        if (applications.decide(applicationId, InstallerApplication.Status.REJECTED, now, adminId,
                reason.trim()) != 1) {
            throw ApiException.conflict("invalid_state", "This application was already decided.");
        }
        InstallerApplication decided = applications.findById(applicationId).orElseThrow();
        audit.publish("INSTALLER_REJECTED", decided.userId(), SecurityEvent.Outcome.INFO,
                java.util.Map.of("applicationId", applicationId, "by", adminId));
        // The reason exactly as stored and shown to the applicant in their applications list.
        events.publishEvent(new InstallerRejected(EventIds.next(), applicationId, decided.userId(),
                decided.companyName(), decided.rejectReason(), now));
        return ApplicationView.of(decided);
    }

    /** The service area of an approved (not revoked) installer; anyone else 403 {@code not_an_installer}. */
    @Transactional(readOnly = true)
    public ServiceArea serviceArea(String installerId) {
        InstallerProfile p = activeProfile(installerId);
        return new ServiceArea(p.baseAddress(), p.baseLatitude(), p.baseLongitude(), p.serviceRadiusKm());
    }

    /**
     * Moves the service area. The point was derived from the address before this transaction began (geocoding
     * may call another server, and no pooled connection waits on it). Offers already made stay as they are;
     * the next candidate search uses the new area.
     */
    @Transactional
    public ServiceArea moveServiceArea(String installerId, ServiceArea area) {
        activeProfile(installerId);
        BaseAddress a = area.baseAddress();
        String sealedLine = personalData.seal(a.addressLine(), "installer_profiles", "base_address_line", installerId);
        if (profiles.moveServiceArea(installerId, sealedLine, a.postalCode(), a.city(), a.country(),
                area.latitude(), area.longitude(), area.serviceRadiusKm()) != 1) {
            throw notAnInstaller();
        }
        return serviceArea(installerId);
    }

    private InstallerProfile activeProfile(String installerId) {
        return profiles.findById(installerId).filter(p -> p.revokedAt() == null)
                .orElseThrow(InstallerService::notAnInstaller);
    }

    private static ApiException notAnInstaller() {
        return ApiException.forbidden("not_an_installer", "Only approved installers have a service area.");
    }

    /** Replaces the installer's availability: future windows only, at most 90 days ahead, none overlapping. */
    @Transactional
    public List<Window> setAvailability(String installerId, List<Window> requested) {
        profiles.findById(installerId).orElseThrow(() -> ApiException.forbidden("not_an_installer",
                "Only approved installers have availability."));
        if (requested.size() > MAX_SLOTS) {
            throw ApiException.validation("slots", "at most " + MAX_SLOTS + " windows");
        }
        Instant now = clock.instant();
        List<Window> sorted = new ArrayList<>(requested);
        sorted.sort(Comparator.comparing(Window::start));
        for (int i = 0; i < sorted.size(); i++) {
            Window w = sorted.get(i);
            if (!w.end().isAfter(w.start())) {
                throw ApiException.validation("slots", "every window must end after it starts");
            }
            if (!w.start().isAfter(now.minus(Duration.ofMinutes(1)))) {
                throw ApiException.validation("slots", "windows must be in the future");
            }
            if (w.end().isAfter(now.plus(MAX_AHEAD))) {
                throw ApiException.validation("slots", "windows may reach at most 90 days ahead");
            }
            if (i > 0 && sorted.get(i - 1).end().isAfter(w.start())) {
                throw ApiException.validation("slots", "windows must not overlap");
            }
        }
        slots.deleteAllOf(installerId);
        sorted.forEach(w -> slots.save(new AvailabilitySlot(UUID.randomUUID().toString(), installerId, w.start(),
                w.end())));
        return sorted;
    }

    @Transactional(readOnly = true)
    public List<Window> availability(String installerId) {
        return slots.findByInstallerIdOrderByStartAtAsc(installerId).stream()
                .map(s -> new Window(s.startAt(), s.endAt())).toList();
    }
}
