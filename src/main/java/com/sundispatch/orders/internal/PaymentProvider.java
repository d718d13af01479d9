package com.sundispatch.orders.internal;

import java.math.BigDecimal;

/**
 * A payment processor. It creates payments and later tells us their outcome through the signed webhook; a
 * real card processor plugs in behind this interface.
 */
interface PaymentProvider {

    /** What the customer needs to pay: where to confirm, and whether this is a test mode. */
    record Checkout(String checkoutUrl, boolean testMode, String notice) {
    }

    String name();

    Checkout checkout(String paymentId, String orderId, BigDecimal amount, String currency);
}
