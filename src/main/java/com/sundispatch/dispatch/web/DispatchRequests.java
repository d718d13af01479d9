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

final class DispatchRequests {

    private DispatchRequests() {
    }

    record ApplicationRequest(
            @NotBlank @Size(max = 120) @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .,&()'/+\\-]{0,119}$")
            String companyName,
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9/\\-]{2,39}$",
                    message = "must be 3-40 letters, digits, - or /") String licenseNumber,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double baseLatitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double baseLongitude,
            @NotNull @Min(1) @Max(200) Integer serviceRadiusKm,
            @NotBlank @Pattern(regexp = "^\\+?[0-9][0-9 ()\\-]{5,19}$",
                    message = "must be a phone number such as +49 30 1234567") String phone) {
    }

    record Slot(@NotNull Instant start, @NotNull Instant end) {
    }

    record AvailabilityRequest(@NotNull @Size(max = 200) List<@Valid @NotNull Slot> slots) {
    }

    record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record RevokeRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record ReviewRequest(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {
    }

    record EmptyRequest() {
    }
}
