package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.sundispatch.security.Secrets;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.PaymentsProperties;
import com.sundispatch.shared.WebhookSignature;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in provider: a test mode like a card processor's, where no money moves and every answer says so.
 * Confirming a sandbox payment produces the same signed webhook a real provider would send, and it is
 * checked by the same code as any webhook arriving over HTTP.
 */
@Component
class SandboxPaymentProvider implements PaymentProvider {

    static final String NAME = "sandbox";
    static final String NOTICE = "Sandbox payment: test mode, no money moves.";
    private static final String ID = "[A-Za-z0-9_\\-]{1,100}";

    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

    private final byte[] secret;
    private final Clock clock;
    private final boolean enabled;
    private final JsonMapper json = JsonMapper.builder().build();

    SandboxPaymentProvider(Secrets secrets, Clock clock, PaymentsProperties payments) {
        this.secret = secrets.paymentWebhookSecret();
        this.clock = clock;
        this.enabled = payments.sandboxActive();
    }

    /** Nobody should run a test-mode shop without knowing it. */
    @EventListener(ApplicationReadyEvent.class)
    void warnWhenOn() {
        if (enabled) {
            log.warn("PAYMENTS TEST MODE: the sandbox payment provider is on; customers confirm their own payments "
                    + "and no real money moves. Set SUNDISPATCH_PAYMENTS_SANDBOX_ENABLED=false in production.");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean testMode() {
        return true;
    }

    @Override
    public boolean available() {
        return enabled;
    }

    @Override
    public Created create(PaymentRequest request) {
        return new Created(reference(request.paymentId()), "/sandbox-checkout#payment=" + request.paymentId(), true,
                NOTICE);
    }

    private static String reference(String paymentId) {
        return "sbx_" + paymentId;
    }

    private static String refundReference(String refundId) {
        return "sbx_re_" + refundId;
    }

    @Override
    public Event verifyAndParse(byte[] body, Map<String, String> headers) {
        // Switched off (production, or another provider chosen), the sandbox's secret opens nothing.
        if (!enabled || !WebhookSignature.verify(secret, headers.get("x-signature"), body, clock.instant())) {
            throw ApiException.badRequest("invalid_signature", "The webhook signature is missing, wrong or stale.");
        }
        try {
            JsonNode node = json.readTree(body);
            String id = text(node, "id", true);
            JsonNode typeNode = node.get("type");
            EventType type = switch (typeNode == null || !typeNode.isString() ? "" : typeNode.asString()) {
                case "payment.succeeded" -> EventType.PAYMENT_SUCCEEDED;
                case "payment.failed" -> EventType.PAYMENT_FAILED;
                case "refund.succeeded" -> EventType.REFUND_SUCCEEDED;
                case "refund.failed" -> EventType.REFUND_FAILED;
                default -> throw new IllegalArgumentException("type");
            };
            String paymentId = text(node, "paymentId", true);
            String refundId = text(node, "refundId", type == EventType.REFUND_SUCCEEDED
                    || type == EventType.REFUND_FAILED);
            // For a refund event the provider's reference is the refund's own, as refund() named it.
            return new Event(id, type, paymentId, text(node, "orderId", true), refundId,
                    refundId == null ? reference(paymentId) : refundReference(refundId), reference(paymentId), null);
        } catch (JacksonException | IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_event", "The webhook body is not a valid payment event.");
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field);
            }
            return null;
        }
        if (!v.isString() || !v.asString().matches(ID)) {
            throw new IllegalArgumentException(field);
        }
        return v.asString();
    }

    /** The sandbox refunds at once and deterministically per refund id: asking twice is the same refund. */
    @Override
    public RefundResult refund(RefundRequest request) {
        return new RefundResult(refundReference(request.refundId()), State.SUCCEEDED, null);
    }

    /** The sandbox keeps no state of its own: a payment nobody confirmed in its checkout is still pending. */
    @Override
    public PaymentStatus paymentStatus(String providerReference) {
        return new PaymentStatus(State.PENDING, null);
    }

    @Override
    public RefundResult refundStatus(String providerRefundReference) {
        return new RefundResult(providerRefundReference, State.SUCCEEDED, null);
    }

    /** The webhook the sandbox sends when the customer confirms (or declines) in its checkout. */
    SignedEvent event(String paymentId, String orderId, boolean succeeded) {
        return event(succeeded ? "payment.succeeded" : "payment.failed", paymentId, orderId, null);
    }

    /** A signed sandbox event of any type (tests send refund events and duplicates with it). */
    SignedEvent event(String type, String paymentId, String orderId, String refundId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        body.put("type", type);
        body.put("paymentId", paymentId);
        body.put("orderId", orderId);
        if (refundId != null) {
            body.put("refundId", refundId);
        }
        byte[] raw = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return new SignedEvent(raw, WebhookSignature.header(secret, clock.instant().getEpochSecond(), raw));
    }

    record SignedEvent(byte[] body, String signatureHeader) {
    }
}
