/**
 * Orders, stock reservation (through the catalog's facade), payments and the payment provider's webhook.
 * Tells the rest of the system about paid and cancelled orders through {@link OrderPaid} and
 * {@link OrderCancelled}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders", allowedDependencies = { "billing", "catalog",
        "identity", "monitoring", "places", "security", "shared" })
package com.sundispatch.orders;
