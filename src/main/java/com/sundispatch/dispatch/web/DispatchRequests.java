package com.sundispatch.dispatch.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.sundispatch.dispatch.DisputeResolved;
import io.swagger.v3.oas.annotations.media.Schema;

final class DispatchRequests {

    private DispatchRequests() {
    }

    static final String ADDRESS_TEXT = "^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .,'/#\\-]{0,199}$";

    /** The address an installer works from; the street is optional (the postal area is enough). */
    record BaseAddressRequest(
            @Size(max = 200) @Pattern(regexp = ADDRESS_TEXT) String addressLine,
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 \\-]{1,11}$") String postalCode,
            @NotBlank @Size(max = 100) @Pattern(regexp = ADDRESS_TEXT) String city,
            @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 country code such as DE")
            String country) {
    }

    /** baseLatitude/baseLongitude: an optional map-pin correction of the geocoded base point (both or neither). */
    record ApplicationRequest(
            @NotBlank @Size(max = 120) @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .,&()'/+\\-]{0,119}$")
            String companyName,
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9/\\-]{2,39}$",
                    message = "must be 3-40 letters, digits, - or /") String licenseNumber,
            @NotNull @Valid BaseAddressRequest baseAddress,
            @DecimalMin("-90") @DecimalMax("90") Double baseLatitude,
            @DecimalMin("-180") @DecimalMax("180") Double baseLongitude,
            @NotNull @Min(1) @Max(200) Integer serviceRadiusKm,
            @NotBlank @Pattern(regexp = "^\\+?[0-9][0-9 ()\\-]{5,19}$",
                    message = "must be a phone number such as +49 30 1234567") String phone) {
    }

    /** baseLatitude/baseLongitude: an optional map-pin correction of the geocoded base point (both or neither). */
    record ServiceAreaRequest(
            @NotNull @Valid BaseAddressRequest baseAddress,
            @DecimalMin("-90") @DecimalMax("90") Double baseLatitude,
            @DecimalMin("-180") @DecimalMax("180") Double baseLongitude,
            @NotNull @Min(1) @Max(200) Integer serviceRadiusKm) {
    }

    record Slot(@NotNull Instant start, @NotNull Instant end) {
    }

    record AvailabilityRequest(@NotNull @Size(max = 200) List<@Valid @NotNull Slot> slots) {
    }

    record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record RevokeRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * A review's comment is published on the installer's profile and the landing page: line breaks are fine, but
     * no control characters and no bidirectional overrides or isolates (U+202A-202E, U+2066-2069, U+200E/F), which
     * would let a comment render reversed or impersonate other text.
     */
    static final String PUBLIC_TEXT = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*$";

    record ReviewRequest(@NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 2000) @Pattern(regexp = PUBLIC_TEXT, message = "must be text without control characters")
            String comment) {
    }

    @Schema(name = "EmptyRequest", description = "An empty JSON object: the operation takes no input")
    record EmptyRequest() {
    }

    record ProposalRequest(@NotNull Instant start, @NotNull Instant end) {
    }

    record RescheduleRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record DisputeRequest(@NotBlank @Size(min = 10, max = 2000) String reason) {
    }

    record ChecklistRequest(@NotNull Boolean panelsMounted, @NotNull Boolean inverterConnected,
            @NotNull Boolean systemCommissioned, @NotNull Boolean gridDocumentsHandedOver) {
    }

    /** Serial numbers: the count must match the order's panels (checked where the job is known). */
    record CompletionRequest(@NotNull @Valid ChecklistRequest checklist,
            @NotNull @Size(max = 2000) List<@NotNull @Size(max = 40) String> serialNumbers,
            @Size(max = 2000) String notes,
            @NotNull @Size(max = 10) List<@NotBlank @Size(max = 64) String> photoIds) {
    }

    @Schema(name = "DisputeResolveRequest")
    record ResolveRequest(@NotNull DisputeResolved.Outcome outcome, @NotBlank @Size(min = 5, max = 2000) String note) {
    }

    record AdminCancelRequest(@NotBlank @Size(min = 5, max = 2000) String note) {
    }
}

