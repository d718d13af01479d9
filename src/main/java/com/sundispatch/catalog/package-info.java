/**
 * The shop window: panels, stock, photos, FAQ, public information and sizing quotes. Orders use it only
 * through {@link com.sundispatch.catalog.Catalog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = { "security",
        "shared", "identity", "places" })
package com.sundispatch.catalog;
