package com.sundispatch.dispatch;

/** No installer accepted a job within the widest radius: the customer is told and admins alerted. */
public record JobUnassigned(String jobId, String orderId, String customerId) {
}
