package com.sundispatch.places.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.shared.OpenApiExamples;

import io.swagger.v3.oas.models.PathItem.HttpMethod;

/** The places module's additions to the OpenAPI document (docs/openapi.md). */
@Configuration(proxyBeanMethods = false)
class PlacesApiDocs {

    @Bean
    OpenApiCustomizer placesErrorAnswers() {
        // A point outside every known area is 404 place_not_found: the path has no id, so the shared rules
        // cannot infer it.
        return api -> OpenApiExamples.problemAnswer(api, HttpMethod.GET, "/api/v1/places/reverse", "404", "NotFound");
    }
}
