package com.sundispatch.orders.web;

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
    @Operation(summary = "Payment provider events: X-Signature t=...,v1=HMAC-SHA256(secret, t.body); once per id")
    Map<String, String> webhook(@RequestBody byte[] body,
            @RequestHeader(name = "X-Signature", required = false) String signature) {
        PaymentService.WebhookOutcome outcome = payments.handleWebhook(body, signature);
        return Map.of("status", outcome == PaymentService.WebhookOutcome.PROCESSED ? "processed" : "already_processed");
    }
}
