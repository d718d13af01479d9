package com.sundispatch.catalog;

import java.math.BigDecimal;

/** What the orders module may do with the catalog: price panels and reserve or release their stock. */
public interface Catalog {

    /** A panel as sold now: its current price from the database. */
    record PricedPanel(String id, String name, BigDecimal unitPrice, String currency) {
    }

    /** The panel if it is on sale; 400 {@code unknown_panel} otherwise. */
    PricedPanel priceOf(String panelId);

    /** Takes stock with one conditional update; 409 {@code out_of_stock} when there is not enough. */
    void reserve(String panelId, int quantity);

    /** Gives reserved stock back (cancelled or expired order). */
    void release(String panelId, int quantity);

    /** The installation fee for this many panels (see {@link InstallationPricing}). */
    BigDecimal installationFee(int panelCount);
}
