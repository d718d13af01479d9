package com.sundispatch.orders.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.shared.OpenApiExamples;

import io.swagger.v3.oas.models.PathItem.HttpMethod;

/** The orders module's examples in the OpenAPI document (docs/openapi.md). */
@Configuration(proxyBeanMethods = false)
class OrdersApiDocs {

    @Bean
    OpenApiCustomizer ordersApiExamples() {
        return api -> {
            OpenApiExamples.request(api, HttpMethod.POST, "/api/v1/orders", "order", "Twelve panels, installed in "
                    + "Berlin in a one-day window",
                    Map.of("items", List.of(Map.of("panelId", "3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "quantity", 12)),
                            "installation", Map.of("addressLine", "Unter den Linden 1", "city", "Berlin",
                                    "postalCode", "10117", "country", "DE", "latitude", 52.517, "longitude", 13.3889,
                                    "preferredStart", "2027-03-15T08:00:00Z", "preferredEnd",
                                    "2027-03-15T16:00:00Z")));
            OpenApiExamples.request(api, HttpMethod.POST, "/api/v1/payments/webhook", "sandbox",
                    "A sandbox payment succeeded (signed with X-Signature)", Map.of("id", "evt_0001", "type",
                            "payment.succeeded", "paymentId", "7b2e4c1a-0d9f-4a3b-8c6e-5f1a2b3c4d5e", "orderId",
                            "3a9d5e7f-1b2c-4d6e-8f0a-9b8c7d6e5f4a"));
            // PaymentService answers 502 payment_provider_error when the provider fails while a payment starts.
            OpenApiExamples.problemAnswer(api, HttpMethod.POST, "/api/v1/orders/{id}/payments", "502", "BadGateway");
        };
    }
}
