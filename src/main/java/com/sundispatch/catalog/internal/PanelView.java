package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.util.List;

import com.sundispatch.shared.Money;

/** A panel as everyone may see it. */
public record PanelView(String id, String name, String manufacturer, int wattsPeak, BigDecimal efficiencyPercent,
        Money price, int stock, int warrantyYears, List<String> photoUrls, long version) {

    static PanelView of(Panel p) {
        return new PanelView(p.id(), p.name(), p.manufacturer(), p.wattsPeak(), p.efficiencyPercent(),
                Money.of(p.price(), p.currency()), p.stock(), p.warrantyYears(), p.photoUrls(), p.version());
    }
}
