/**
 * The installer network and Uber-style dispatch: installer applications and profiles, availability, jobs,
 * offers, matching, reviews. Learns of orders through {@code OrderPaid}/{@code OrderCancelled} and moves them
 * along through {@code OrderProgress}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch", allowedDependencies = { "orders",
        "identity", "places", "security", "shared" })
package com.sundispatch.dispatch;
