package com.sundispatch.catalog.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.sundispatch.catalog.internal.CellType;
import com.sundispatch.catalog.internal.PanelData;

import io.swagger.v3.oas.annotations.media.Schema;

final class CatalogRequests {

    static final String PRODUCT_TEXT = "^[\\p{L}\\p{N}][\\p{L}\\p{N} .,()+/&'\\-]{0,119}$";
    /** A picture shipped with the web client, or an https URL. */
    static final String PHOTO_URL = "^(/assets/[a-z0-9/_\\-]{1,150}\\.(svg|png|jpg|jpeg|webp)|https://[A-Za-z0-9.\\-]{1,200}"
            + "(/[A-Za-z0-9._~\\-/]{0,300})?)$";

    /** Free text of a product page: any characters but controls, line breaks allowed (one class: linear). */
    static final String DESCRIPTION = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*$";
    static final String CELL_TYPES = "^(MONO_PERC|TOPCON|HJT|IBC|POLY|CIGS|CDTE)$";

    private CatalogRequests() {
    }

    record PanelRequest(
            @NotBlank @Size(max = 120) @Pattern(regexp = PRODUCT_TEXT) String name,
            @NotBlank @Size(max = 80) @Pattern(regexp = PRODUCT_TEXT) String manufacturer,
            @NotNull @Min(50) @Max(1000) Integer wattsPeak,
            @NotNull @DecimalMin("5.0") @DecimalMax("30.0") @Digits(integer = 2, fraction = 1)
            BigDecimal efficiencyPercent,
            @NotNull @DecimalMin("0.01") @DecimalMax("100000.00") @Digits(integer = 6, fraction = 2) BigDecimal price,
            @NotNull @Min(0) @Max(1_000_000) Integer stock,
            @NotNull @Min(0) @Max(50) Integer warrantyYears,
            @Size(max = 8) List<@NotBlank @Size(max = 240) @Pattern(regexp = PHOTO_URL,
                    message = "must be /assets/... or an https URL") String> photoUrls,
            @Min(0) Long version,
            @Size(max = 2000) @Pattern(regexp = DESCRIPTION, message = "must be text without control characters")
            String description,
            @Min(300) @Max(3000) Integer lengthMm,
            @Min(300) @Max(2000) Integer widthMm,
            @Min(3) @Max(100) Integer thicknessMm,
            @DecimalMin("1.0") @DecimalMax("100.0") @Digits(integer = 3, fraction = 1) BigDecimal weightKg,
            @Schema(implementation = CellType.class)
            @Pattern(regexp = CELL_TYPES, message = "must be one of MONO_PERC, TOPCON, HJT, IBC, POLY, CIGS, CDTE")
            String cellType,
            @Min(1) @Max(50) Integer performanceWarrantyYears,
            @DecimalMin("50.0") @DecimalMax("100.0") @Digits(integer = 3, fraction = 1)
            BigDecimal performanceWarrantyPercent) {

        /** A PUT replaces the whole panel: a datasheet field left out becomes unknown (null). */
        PanelData toData() {
            return new PanelData(name.trim(), manufacturer.trim(), wattsPeak, efficiencyPercent, price, stock,
                    warrantyYears, photoUrls, new PanelData.Datasheet(description, lengthMm, widthMm, thicknessMm,
                            weightKg, cellType == null ? null : CellType.valueOf(cellType), performanceWarrantyYears,
                            performanceWarrantyPercent));
        }
    }

    record FaqRequestEntry(@NotBlank @Size(max = 300) String question, @NotBlank @Size(max = 4000) String answer) {
    }

    /** Where the roof is, to the postal area: a quote needs no street. */
    record QuoteAddress(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 \\-]{1,11}$") String postalCode,
            @Size(max = 100) @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .,'/#\\-]{0,99}$") String city,
            @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 country code such as DE")
            String country) {
    }

    /**
     * The location is either an address (located through the places module) or, for integrations written
     * before addresses, latitude and longitude: exactly one of the two.
     */
    record QuoteRequest(
            @NotNull @DecimalMin("1") @DecimalMax("100000") Double monthlyKwh,
            @Valid QuoteAddress address,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Size(max = 64) String panelId) {
    }
}
