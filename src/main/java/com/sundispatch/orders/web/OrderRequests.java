package com.sundispatch.orders.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the order endpoints. There is no field for a price: any price sent is a 400. */
final class OrderRequests {

    static final String ADDRESS_TEXT = "^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .,'/#\\-]{0,199}$";

    private OrderRequests() {
    }

    record ItemRequest(@NotBlank @Size(max = 64) String panelId, @NotNull @Min(1) @Max(500) Integer quantity) {
    }

    /** latitude/longitude: an optional map-pin correction of the geocoded point, both or neither. */
    record InstallationRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = ADDRESS_TEXT) String addressLine,
            @NotBlank @Size(max = 100) @Pattern(regexp = ADDRESS_TEXT) String city,
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 \\-]{1,11}$") String postalCode,
            @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 country code such as DE")
            String country,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotNull @Future Instant preferredStart,
            @NotNull @Future Instant preferredEnd) {
    }

    record PlaceOrderRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull ItemRequest> items,
            @NotNull @Valid InstallationRequest installation) {
    }

    /** Money as everywhere: a decimal string with at most two places, in the order's currency. */
    record MoneyRequest(@NotBlank @Pattern(regexp = "^\\d{1,10}(\\.\\d{1,2})?$") String amount,
            @NotBlank @Pattern(regexp = "^[A-Z]{3}$") String currency) {
    }

    /** An admin's refund; {@code reason} is shown to the customer on the credit note's mail. */
    record RefundRequest(@NotNull @Valid MoneyRequest amount, @NotBlank @Size(max = 500) String reason) {
    }

    record SandboxConfirmRequest(
            @Schema(allowableValues = { "succeeded", "failed" })
            @Pattern(regexp = "^(succeeded|failed)$") String outcome) {
    }
}
