package com.sundispatch.orders.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.orders.internal.PaymentService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
            + "sandbox's X-Signature t=...,v1=HMAC-SHA256(secret, t.body) or Stripe's Stripe-Signature; once per id")
    Map<String, String> webhook(@RequestBody byte[] body,
            @RequestHeader(name = "X-Signature", required = false) String signature,
            @RequestHeader(name = "Stripe-Signature", required = false) String stripeSignature) {
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
}
