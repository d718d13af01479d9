package com.sundispatch.orders.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.orders.internal.PaymentService;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.ErrorCodes;

import jakarta.annotation.Nullable;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/** Called by the payment provider only; trusted only through its signature over the raw body. */
@RestController
@Tag(name = "Orders")
class PaymentWebhookController {

    private final PaymentService payments;

    PaymentWebhookController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping(path = "/api/v1/payments/webhook", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Payment provider events, verified by the provider's signature over the raw body: the "
            + "sandbox's X-Signature t=...,v1=HMAC-SHA256(secret, t.body) or Stripe's Stripe-Signature; once per id",
            requestBody = @RequestBody(required = true,
                    description = "The provider's event, exactly as signed (the signature covers these bytes).",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(oneOf = {
                            SandboxPaymentEvent.class, StripeEvent.class }))),
            responses = @ApiResponse(responseCode = "200", description = "The event was verified and handled "
                    + "(or was a repeat, or is a kind not acted on).", content = @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = WebhookAnswer.class))))
    Map<String, String> webhook(HttpEntity<byte[]> request,
            @Parameter(description = "The sandbox's signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>")
            @RequestHeader(name = "X-Signature", required = false) String signature,
            @Parameter(description = "Stripe's signature header (when the provider is stripe)")
            @RequestHeader(name = "Stripe-Signature", required = false) String stripeSignature) {
        // The raw bytes, as signed: read as an entity so the documented body (above) is the event's JSON shape.
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            throw ApiException.badRequest(ErrorCodes.MALFORMED_JSON,
                    "The request body is missing or is not valid JSON.");
        }
        // Only the signature headers are handed on; which one is present tells the providers apart.
        Map<String, String> headers = new HashMap<>();
        if (signature != null) {
            headers.put("x-signature", signature);
        }
        if (stripeSignature != null) {
            headers.put("stripe-signature", stripeSignature);
        }
        PaymentService.WebhookOutcome outcome = payments.handleWebhook(body, headers);
        return Map.of("status", switch (outcome) {
            case PROCESSED -> "processed";
            case ALREADY_PROCESSED -> "already_processed";
            case IGNORED -> "ignored";
        });
    }

    /** Documentation only: the body the sandbox provider signs and sends. */
    @Schema(description = "A sandbox payment event (provider sandbox); other members are ignored.",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record SandboxPaymentEvent(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Unique per event; repeats are "
                    + "acknowledged once") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "payment.succeeded",
                    "payment.failed", "refund.succeeded", "refund.failed" }) String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String paymentId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String orderId,
            @Schema(description = "Required for refund events") @Nullable String refundId) {
    }

    /** Documentation only: Stripe's event envelope; the fields the server reads. */
    @Schema(description = "A Stripe event (provider stripe): checkout.session.* and refund/charge events are acted "
            + "on, other types are acknowledged and ignored. Stripe's other envelope members (object, api_version, "
            + "created, livemode, ...) are accepted and ignored.", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record StripeEvent(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "data.object: the session, refund or "
                    + "charge") Map<String, Object> data) {
    }

    /** Documentation only: the answer's shape. */
    record WebhookAnswer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "processed",
            "already_processed", "ignored" }) String status) {
    }
}
