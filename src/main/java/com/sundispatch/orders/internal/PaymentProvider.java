package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A payment processor, chosen by {@code sundispatch.payments.provider}. It creates a payment for an order (the
 * customer pays on the provider's page), reports outcomes through its signed webhook (verified here, before
 * anything is parsed or changed), refunds, and answers status queries for reconciliation. Amounts are decimal
 * with two places in the order's currency; an adapter converts to the provider's units. Every call that moves
 * money carries an idempotency key, so a retry never charges or refunds twice.
 */
interface PaymentProvider {

    /** What to create: our payment id (also the idempotency key), the order, the amount and what it is for. */
    record PaymentRequest(String paymentId, String orderId, BigDecimal amount, String currency, String description,
            String customerEmail) {
    }

    /**
     * The created payment: the provider's reference (stored, unique per provider), where the customer pays, and
     * whether this is a test mode (then {@code notice} says so in words).
     */
    record Created(String providerReference, String checkoutUrl, boolean testMode, String notice) {
    }

    enum EventType {
        PAYMENT_SUCCEEDED, PAYMENT_FAILED, REFUND_SUCCEEDED, REFUND_FAILED,
        /** Verified, but nothing we act on (the provider sends many kinds): acknowledged and ignored. */
        IGNORED
    }

    /**
     * A verified webhook event. {@code paymentId}/{@code refundId} are ours (the adapter put them into the
     * provider's metadata); {@code chargeReference} is what a refund must name at the provider (Stripe: the
     * PaymentIntent), null when the event does not carry it.
     */
    record Event(String id, EventType type, String paymentId, String orderId, String refundId,
            String providerReference, String chargeReference, String failureCode) {
    }

    record RefundRequest(String refundId, String paymentId, String providerReference, String chargeReference,
            BigDecimal amount, String currency, String reason) {
    }

    enum State {
        PENDING, SUCCEEDED, FAILED
    }

    record RefundResult(String providerReference, State state, String failureCode) {
    }

    /** A payment's state at the provider, with the charge reference once it succeeded. */
    record PaymentStatus(State state, String chargeReference) {
    }

    String name();

    boolean testMode();

    /** Whether payments can be taken (configured and allowed in this deployment). */
    boolean available();

    Created create(PaymentRequest request);

    /**
     * Verifies the signature over the raw body (400 {@code invalid_signature} when missing, wrong or stale) and
     * then parses (400 {@code invalid_event}). {@code headers} have lower-case names.
     */
    Event verifyAndParse(byte[] body, Map<String, String> headers);

    /** Refunds; the refund id is the idempotency key. Provider errors throw {@link PaymentProviderException}. */
    RefundResult refund(RefundRequest request);

    PaymentStatus paymentStatus(String providerReference);

    RefundResult refundStatus(String providerRefundReference);
}
