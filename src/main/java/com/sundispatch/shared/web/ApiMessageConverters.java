package com.sundispatch.shared.web;

import java.util.List;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The message converters Spring MVC may use, named rather than found on the class path: strict Jackson 3 JSON,
 * plus bytes, text and resources (the signed payment webhook reads raw bytes; springdoc serves the OpenAPI
 * document as bytes). Converters that dependencies drag in (YAML through springdoc, XML, CBOR, Smile, forms,
 * Jackson 2 JSON) would each read request bodies by their own looser rules, so they are dropped.
 * {@code JsonBodyOnlyFilter} refuses other request body types before MVC; this keeps MVC itself from having any.
 */
@Configuration(proxyBeanMethods = false)
class ApiMessageConverters {

    private static final List<Class<?>> KEPT = List.of(JacksonJsonHttpMessageConverter.class,
            ByteArrayHttpMessageConverter.class, StringHttpMessageConverter.class, ResourceHttpMessageConverter.class,
            ResourceRegionHttpMessageConverter.class);

    @Bean
    ServerHttpMessageConvertersCustomizer onlyApiMessageConverters() {
        return builder -> builder.configureMessageConvertersList(converters -> converters.removeIf(c -> !kept(c)));
    }

    static boolean kept(HttpMessageConverter<?> converter) {
        return KEPT.stream().anyMatch(type -> type.isInstance(converter));
    }
}
