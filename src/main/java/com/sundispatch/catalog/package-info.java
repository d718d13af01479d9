/**
 * The shop window: panels, stock, photos, FAQ, public information and sizing quotes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = { "security",
        "shared" })
package com.sundispatch.catalog;
