package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.util.List;

/** The fields of a panel an admin sets. */
public record PanelData(String name, String manufacturer, int wattsPeak, BigDecimal efficiencyPercent,
        BigDecimal price, int stock, int warrantyYears, List<String> photoUrls) {

    public PanelData {
        photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
    }
}
