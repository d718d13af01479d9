/**
 * The installer network and Uber-style dispatch, and the installation after it: installer applications and
 * profiles, availability, jobs, offers, matching, the appointment negotiation, the completion report with its
 * photos (stored through {@code files}), the customer's confirmation or dispute and its resolution, reviews.
 * Learns of orders through {@code OrderPaid}/{@code OrderCancelled} and moves them along through
 * {@code OrderProgress}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch", allowedDependencies = { "orders",
        "identity", "places", "files", "security", "shared" })
package com.sundispatch.dispatch;
