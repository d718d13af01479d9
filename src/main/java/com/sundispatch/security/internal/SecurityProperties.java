package com.sundispatch.security.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Token, proxy and request-size settings ({@code sundispatch.security.*}). */
@ConfigurationProperties("sundispatch.security")
public record SecurityProperties(
        @DefaultValue("sundispatch") String issuer,
        @DefaultValue("sundispatch-api") String audience,
        @DefaultValue("PT15M") Duration accessTokenTtl,
        @DefaultValue("PT30S") Duration clockSkew,
        @DefaultValue("65536") long maxBodyBytes,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue List<String> allowedHosts) {

    public SecurityProperties {
        trustedProxies = clean(trustedProxies);
        corsAllowedOrigins = clean(corsAllowedOrigins);
        allowedHosts = clean(allowedHosts).stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
        for (String origin : corsAllowedOrigins) {
            if (origin.contains("*") || !origin.matches("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException("SUNDISPATCH_CORS_ALLOWED_ORIGINS must list exact origins such as "
                        + "https://app.example.com (no wildcard, no path): " + origin);
            }
        }
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || accessTokenTtl.toMinutes() > 60) {
            throw new IllegalArgumentException("sundispatch.security.access-token-ttl must be between 1 s and 60 min");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("sundispatch.security.max-body-bytes must be at least 1024");
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
