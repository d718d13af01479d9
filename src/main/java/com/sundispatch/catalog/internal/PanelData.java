package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.util.List;

/** The fields of a panel an admin sets. */
public record PanelData(String name, String manufacturer, int wattsPeak, BigDecimal efficiencyPercent,
        BigDecimal price, int stock, int warrantyYears, List<String> photoUrls, Datasheet datasheet) {

    public PanelData {
        photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
        datasheet = datasheet == null ? Datasheet.UNKNOWN : datasheet;
    }

    /** A panel without a datasheet (every datasheet field unknown). */
    public PanelData(String name, String manufacturer, int wattsPeak, BigDecimal efficiencyPercent, BigDecimal price,
            int stock, int warrantyYears, List<String> photoUrls) {
        this(name, manufacturer, wattsPeak, efficiencyPercent, price, stock, warrantyYears, photoUrls, null);
    }

    /**
     * What the product page shows beyond the basics; each field null when not known. {@code weightKg} has one
     * decimal; {@code performanceWarrantyPercent} is the output guaranteed at the end of
     * {@code performanceWarrantyYears}.
     */
    public record Datasheet(String description, Integer lengthMm, Integer widthMm, Integer thicknessMm,
            BigDecimal weightKg, CellType cellType, Integer performanceWarrantyYears,
            BigDecimal performanceWarrantyPercent) {

        public static final Datasheet UNKNOWN = new Datasheet(null, null, null, null, null, null, null, null);

        public Datasheet {
            description = description == null || description.isBlank() ? null : description.strip();
        }
    }
}
