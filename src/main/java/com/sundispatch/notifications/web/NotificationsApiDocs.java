package com.sundispatch.notifications.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** The notifications module's additions to the OpenAPI document (docs/openapi.md). */
@Configuration(proxyBeanMethods = false)
class NotificationsApiDocs {

    @Bean
    OpenApiCustomizer notificationsConditionalReads() {
        // The inbox is polled with If-None-Match: an unchanged inbox answers 304 without a body.
        return api -> api.getPaths().get("/api/v1/me/notifications").getGet().getResponses().addApiResponse("304",
                new ApiResponse().description("Not modified: If-None-Match named the current ETag; no body.")
                        .addHeaderObject("ETag", new Header().schema(new StringSchema())
                                .description("The inbox's current version")));
    }
}
