package com.sundispatch.dispatch.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.sundispatch.dispatch.internal.BaseAddress;
import com.sundispatch.dispatch.internal.DispatchViews;
import com.sundispatch.dispatch.internal.DispatchViews.ApplicationView;
import com.sundispatch.dispatch.internal.DispatchViews.InstallerJobView;
import com.sundispatch.dispatch.internal.DispatchViews.OfferView;
import com.sundispatch.dispatch.internal.DispatchViews.Window;
import com.sundispatch.dispatch.internal.Dispatcher;
import com.sundispatch.dispatch.internal.InstallerService;
import com.sundispatch.dispatch.internal.InstallerService.ServiceArea;
import com.sundispatch.dispatch.internal.JobQueries;
import com.sundispatch.dispatch.internal.Installations;
import com.sundispatch.dispatch.web.DispatchRequests.ApplicationRequest;
import com.sundispatch.dispatch.web.DispatchRequests.AvailabilityRequest;
import com.sundispatch.dispatch.web.DispatchRequests.BaseAddressRequest;
import com.sundispatch.dispatch.web.DispatchRequests.ChecklistRequest;
import com.sundispatch.dispatch.web.DispatchRequests.CompletionRequest;
import com.sundispatch.dispatch.web.DispatchRequests.EmptyRequest;
import com.sundispatch.dispatch.web.DispatchRequests.ProposalRequest;
import com.sundispatch.dispatch.web.DispatchRequests.RescheduleRequest;
import com.sundispatch.dispatch.web.DispatchRequests.ReviewRequest;
import com.sundispatch.dispatch.web.DispatchRequests.ServiceAreaRequest;
import com.sundispatch.places.AddressQuery;
import com.sundispatch.places.Place;
import com.sundispatch.places.Places;
import com.sundispatch.places.Point;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Validated
@Tag(name = "Installers")
class InstallerController {

    private final InstallerService installers;
    private final Dispatcher dispatcher;
    private final JobQueries queries;
    private static final String CALENDAR = "text/calendar";

    private final Places places;
    private final Installations installations;

    InstallerController(InstallerService installers, Dispatcher dispatcher, JobQueries queries, Places places,
            Installations installations) {
        this.installations = installations;
        this.places = places;
        this.installers = installers;
        this.dispatcher = dispatcher;
        this.queries = queries;
    }

    @PostMapping("/api/v1/installers/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply to become an installer (verified email; at most 3 open applications)")
    ApplicationView apply(CurrentUser user, @Valid @RequestBody ApplicationRequest r) {
        installers.requireMayApply(user.userId());
        BaseAddress address = baseAddress(r.baseAddress());
        Point base = locate(address, r.baseLatitude(), r.baseLongitude());
        return installers.apply(user.userId(), new InstallerService.ApplicationData(r.companyName().trim(),
                r.licenseNumber(), address, base.latitude(), base.longitude(), r.serviceRadiusKm(),
                r.phone().trim()));
    }

    @GetMapping("/api/v1/installer/service-area")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "Where the installer works: base address, the point derived from it, radius")
    ServiceArea serviceArea(CurrentUser user) {
        return installers.serviceArea(user.userId());
    }

    @PutMapping("/api/v1/installer/service-area")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "Move the service area: a new base address (geocoded; baseLatitude/baseLongitude an "
            + "optional map-pin correction of at most a few km) and radius")
    ServiceArea moveServiceArea(CurrentUser user, @Valid @RequestBody ServiceAreaRequest r) {
        installers.serviceArea(user.userId()); // a revoked installer is refused before the geocoder is asked
        BaseAddress address = baseAddress(r.baseAddress());
        Point base = locate(address, r.baseLatitude(), r.baseLongitude());
        return installers.moveServiceArea(user.userId(),
                new ServiceArea(address, base.latitude(), base.longitude(), r.serviceRadiusKm()));
    }

    private static BaseAddress baseAddress(BaseAddressRequest a) {
        return new BaseAddress(a.addressLine() == null ? "" : a.addressLine().trim(), a.postalCode().trim(),
                a.city().trim(), a.country());
    }

    /**
     * The base point from the address (400 address_not_found), moved to the pin when one was sent (400
     * pin_too_far). Done here, before any transaction: geocoding may call another server.
     */
    private Point locate(BaseAddress a, Double pinLatitude, Double pinLongitude) {
        if ((pinLatitude == null) != (pinLongitude == null)) {
            throw ApiException.validation(pinLatitude == null ? "baseLatitude" : "baseLongitude",
                    "send both baseLatitude and baseLongitude (a map-pin correction) or neither");
        }
        Place place = places.locate(new AddressQuery(a.addressLine(), a.postalCode(), a.city(), a.country()));
        return places.pinned(place, pinLatitude, pinLongitude);
    }

    @GetMapping("/api/v1/installers/applications")
    @Operation(summary = "The caller's own applications and their status")
    PageResponse<ApplicationView> myApplications(CurrentUser user, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(installers.mine(user.userId(),
                PageRequests.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"))), a -> a);
    }

    @PutMapping("/api/v1/installer/availability")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "Replace the availability windows (future, at most 90 days ahead, no overlaps)")
    List<Window> setAvailability(CurrentUser user, @Valid @RequestBody AvailabilityRequest r) {
        return installers.setAvailability(user.userId(),
                r.slots().stream().map(s -> new Window(s.start(), s.end())).toList());
    }

    @GetMapping("/api/v1/installer/availability")
    @Operation(summary = "The installer's availability windows, soonest first")
    @PreAuthorize("hasRole('INSTALLER')")
    List<Window> availability(CurrentUser user) {
        return installers.availability(user.userId());
    }

    @GetMapping("/api/v1/installer/offers")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "Open offers: whole-km distance, window, panel count, city, postal code and a point on "
            + "the ~1 km grid; no street, exact point or customer contact data")
    List<OfferView> offers(CurrentUser user) {
        return dispatcher.openOffers(user.userId());
    }

    @PostMapping("/api/v1/installer/offers/{offerId}/accept")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "Accept: the first accept wins (409 offer_taken for everyone else)")
    InstallerJobView accept(CurrentUser user, @PathVariable @Size(max = 64) String offerId) {
        return dispatcher.accept(user.userId(), offerId, queries::forInstaller);
    }

    @PostMapping("/api/v1/installer/offers/{offerId}/decline")
    @Operation(summary = "Decline an offer: it goes to the next installer")
    @PreAuthorize("hasRole('INSTALLER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decline(CurrentUser user, @PathVariable @Size(max = 64) String offerId) {
        dispatcher.decline(user.userId(), offerId);
    }

    @GetMapping("/api/v1/installer/jobs")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "The installer's accepted jobs, with the customer's name, phone, exact address and map "
            + "links (geo: and https)")
    PageResponse<InstallerJobView> jobs(CurrentUser user, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(queries.installerJobs(user.userId(),
                PageRequests.of(page, size, Sort.by("windowStart").and(Sort.by("id")))), j -> j);
    }

    @GetMapping("/api/v1/installer/jobs/{jobId}")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "One of the installer's jobs: appointment, negotiation, draft photos, report, dispute")
    InstallerJobView job(CurrentUser user, @PathVariable @Size(max = 64) String jobId) {
        return queries.installerJob(user.userId(), jobId);
    }

    @PostMapping("/api/v1/installer/jobs/{jobId}/appointment/proposals")
    @PreAuthorize("hasRole('INSTALLER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose an appointment inside the customer's window (replaces the open proposal)")
    InstallerJobView propose(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @Valid @RequestBody ProposalRequest r) {
        installations.propose(Actor.INSTALLER, user.userId(), jobId, r.start(), r.end());
        return queries.installerJob(user.userId(), jobId);
    }

    @PostMapping("/api/v1/installer/jobs/{jobId}/appointment/proposals/{proposalId}/accept")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "Accept the customer's proposal: the appointment is agreed")
    InstallerJobView acceptProposal(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @PathVariable @Size(max = 64) String proposalId, @RequestBody(required = false) EmptyRequest body) {
        installations.acceptProposal(Actor.INSTALLER, user.userId(), jobId, proposalId);
        return queries.installerJob(user.userId(), jobId);
    }

    @PostMapping("/api/v1/installer/jobs/{jobId}/appointment/reschedule")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "Give up the agreed appointment (up to 48 h before, or after a missed one)")
    InstallerJobView reschedule(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @Valid @RequestBody RescheduleRequest r) {
        installations.reschedule(Actor.INSTALLER, user.userId(), jobId, r.reason().strip());
        return queries.installerJob(user.userId(), jobId);
    }

    @GetMapping(path = "/api/v1/installer/jobs/{jobId}/appointment.ics", produces = CALENDAR)
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "The agreed appointment as an iCalendar file")
    ResponseEntity<String> installerCalendar(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            Locale locale) {
        return calendarFile(jobId, installations.calendar(Actor.INSTALLER, user.userId(), jobId, locale));
    }

    @PostMapping("/api/v1/installer/jobs/{jobId}/start")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "Start the work: on the appointment's day only (409 not_appointment_day)")
    InstallerJobView start(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @RequestBody(required = false) EmptyRequest body) {
        installations.start(user.userId(), jobId);
        return queries.installerJob(user.userId(), jobId);
    }

    @PostMapping(path = "/api/v1/installer/jobs/{jobId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('INSTALLER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload one photo for the completion report (JPEG, PNG or WebP, at most 10 MB, "
            + "re-encoded without metadata); the only multipart route")
    DispatchViews.Photo uploadPhoto(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @RequestPart("photo") MultipartFile photo) throws IOException {
        try (InputStream in = photo.getInputStream()) {
            return installations.uploadPhoto(user.userId(), jobId, in);
        }
    }

    @DeleteMapping("/api/v1/installer/jobs/{jobId}/photos/{photoId}")
    @PreAuthorize("hasRole('INSTALLER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a photo that is not yet part of a submitted report")
    void deletePhoto(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @PathVariable @Size(max = 64) String photoId) {
        installations.deletePhoto(user.userId(), jobId, photoId);
    }

    @PostMapping("/api/v1/installer/jobs/{jobId}/complete")
    @PreAuthorize("hasRole('INSTALLER')")
    @Operation(summary = "Submit the completion report (checklist, one serial number per panel, notes, 1-10 "
            + "uploaded photos): the customer is asked to confirm")
    InstallerJobView complete(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @Valid @RequestBody CompletionRequest r) {
        ChecklistRequest c = r.checklist();
        installations.submitCompletion(user.userId(), jobId, new Installations.ReportCommand(c.panelsMounted(),
                c.inverterConnected(), c.systemCommissioned(), c.gridDocumentsHandedOver(), r.serialNumbers(),
                r.notes(), r.photoIds()));
        return queries.installerJob(user.userId(), jobId);
    }

    static ResponseEntity<String> calendarFile(String jobId, String ics) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CALENDAR + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("installation-" + jobId + ".ics").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(ics);
    }

    @GetMapping("/api/v1/orders/{orderId}/installation")
    @Operation(summary = "The customer's view of the installation of their order")
    DispatchViews.InstallationView installation(CurrentUser user, @PathVariable @Size(max = 64) String orderId) {
        return queries.forCustomer(user.userId(), orderId);
    }

    @PostMapping("/api/v1/installations/{jobId}/review")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Review a completed installation once (1-5 and a comment)")
    DispatchViews.ReviewView review(CurrentUser user, @PathVariable @Size(max = 64) String jobId,
            @Valid @RequestBody ReviewRequest r) {
        return queries.review(user.userId(), jobId, r.rating(), r.comment());
    }
}
