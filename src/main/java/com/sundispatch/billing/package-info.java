/**
 * Billing: VAT, invoices and credit notes with gapless numbers (rendered as PDF), the append-only ledger of
 * money movements, and installer payouts with their earnings view. Orders drive it inside their own
 * transactions through {@link Invoicing}, {@link Ledger} and {@link Payouts}; it knows nothing of orders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing", allowedDependencies = { "identity",
        "security", "shared" })
package com.sundispatch.billing;
