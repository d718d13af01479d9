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
import com.sundispatch.shared.PaymentsProperties;
import com.sundispatch.shared.WebhookSignature;

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

    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

    private final byte[] secret;
    private final Clock clock;
    private final boolean enabled;
    private final JsonMapper json = JsonMapper.builder().build();

    SandboxPaymentProvider(Secrets secrets, Clock clock, PaymentsProperties payments) {
        this.secret = secrets.paymentWebhookSecret();
        this.clock = clock;
        this.enabled = payments.sandboxEnabled();
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
    public Checkout checkout(String paymentId, String orderId, BigDecimal amount, String currency) {
        return new Checkout("/sandbox-checkout#payment=" + paymentId, true, NOTICE);
    }

    /** The webhook the sandbox sends when the customer confirms (or declines) in its checkout. */
    SignedEvent event(String paymentId, String orderId, boolean succeeded) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        body.put("type", succeeded ? "payment.succeeded" : "payment.failed");
        body.put("paymentId", paymentId);
        body.put("orderId", orderId);
        byte[] raw = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return new SignedEvent(raw, WebhookSignature.header(secret, clock.instant().getEpochSecond(), raw));
    }

    record SignedEvent(byte[] body, String signatureHeader) {
    }
}
