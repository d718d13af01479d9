package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.Nullable;

import com.sundispatch.shared.Money;

/**
 * A panel as everyone may see it. The datasheet fields ({@code description} to
 * {@code performanceWarrantyPercent}) are null when not known.
 */
public record PanelView(String id, String name, String manufacturer, int wattsPeak, BigDecimal efficiencyPercent,
        Money price, int stock, int warrantyYears, List<String> photoUrls, @Nullable String description, @Nullable Integer lengthMm,
        @Nullable Integer widthMm, @Nullable Integer thicknessMm, @Nullable BigDecimal weightKg, @Nullable CellType cellType,
        @Nullable Integer performanceWarrantyYears, @Nullable BigDecimal performanceWarrantyPercent, long version) {

    static PanelView of(Panel p) {
        PanelData.Datasheet d = p.datasheet();
        return new PanelView(p.id(), p.name(), p.manufacturer(), p.wattsPeak(), p.efficiencyPercent(),
                Money.of(p.price(), p.currency()), p.stock(), p.warrantyYears(), p.photoUrls(), d.description(),
                d.lengthMm(), d.widthMm(), d.thicknessMm(), d.weightKg(), d.cellType(), d.performanceWarrantyYears(),
                d.performanceWarrantyPercent(), p.version());
    }
}
