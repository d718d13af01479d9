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
        @DefaultValue List<String> trustedProxies) {

    public SecurityProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || accessTokenTtl.toMinutes() > 60) {
            throw new IllegalArgumentException("sundispatch.security.access-token-ttl must be between 1 s and 60 min");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("sundispatch.security.max-body-bytes must be at least 1024");
        }
    }
}
