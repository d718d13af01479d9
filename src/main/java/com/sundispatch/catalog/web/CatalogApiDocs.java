package com.sundispatch.catalog.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.shared.OpenApiExamples;

import io.swagger.v3.oas.models.PathItem.HttpMethod;

/** The catalog module's examples in the OpenAPI document (docs/openapi.md). */
@Configuration(proxyBeanMethods = false)
class CatalogApiDocs {

    @Bean
    OpenApiCustomizer catalogApiExamples() {
        return api -> {
            OpenApiExamples.request(api, HttpMethod.POST, "/api/v1/quotes", "address", "By postal code and country",
                    Map.of("monthlyKwh", 350, "address", Map.of("postalCode", "10117", "city", "Berlin", "country",
                            "DE")));
            OpenApiExamples.request(api, HttpMethod.POST, "/api/v1/quotes", "point", "By a point (use my location)",
                    Map.of("monthlyKwh", 350, "latitude", 52.517, "longitude", 13.3889));
        };
    }
}
