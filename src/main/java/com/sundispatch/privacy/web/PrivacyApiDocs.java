package com.sundispatch.privacy.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.shared.OpenApiExamples;

import io.swagger.v3.oas.models.PathItem.HttpMethod;

/** The privacy module's additions to the OpenAPI document (docs/openapi.md). */
@Configuration(proxyBeanMethods = false)
class PrivacyApiDocs {

    @Bean
    OpenApiCustomizer privacyErrorAnswers() {
        // An export's download link lives 24 hours: after that the export is gone (410), not unknown (404).
        return api -> {
            OpenApiExamples.problemAnswer(api, HttpMethod.POST, "/api/v1/me/export/{id}/download", "410", "Gone");
            // Keeping an account that is not scheduled for deletion: 404 no_deletion_scheduled.
            OpenApiExamples.problemAnswer(api, HttpMethod.DELETE, "/api/v1/me/deletion", "404", "NotFound");
        };
    }
}
