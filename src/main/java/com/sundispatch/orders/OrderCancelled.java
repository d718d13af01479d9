package com.sundispatch.orders;

/** An order was cancelled; {@code refundDue} when it had been paid. */
public record OrderCancelled(String orderId, String customerId, boolean refundDue) {
}
