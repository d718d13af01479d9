package com.sundispatch.security.internal;

import java.time.Clock;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import com.sundispatch.security.Secrets;
import com.sundispatch.security.SessionRevocations;

/**
 * Verification of access tokens. The algorithm is pinned to HS256 (so {@code alg: none} and algorithm
 * confusion fail), issuer and audience are pinned, at most the configured skew is allowed on expiry, and a
 * token whose session was revoked is refused even though its signature and expiry are fine.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoding {

    static final String INVALID_TOKEN = "invalid_token";

    @Bean
    JwtDecoder jwtDecoder(Secrets secrets, SecurityProperties properties, SessionRevocations revocations,
            Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secrets.jwtKey(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> required = jwt -> {
            boolean complete = jwt.getSubject() != null && jwt.getId() != null && jwt.getExpiresAt() != null
                    && jwt.getIssuedAt() != null && jwt.getClaimAsString("sid") != null
                    && jwt.getClaimAsStringList("roles") != null;
            return complete ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(INVALID_TOKEN, "Missing claims", null));
        };
        OAuth2TokenValidator<Jwt> notRevoked = jwt -> jwt.getClaimAsString("sid") != null
                && revocations.isRevoked(jwt.getClaimAsString("sid"))
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error(INVALID_TOKEN, "Session ended", null))
                : OAuth2TokenValidatorResult.success();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(properties.audience())),
                required,
                notRevoked)));
        return decoder;
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        converter.setPrincipalClaimName("sub");
        return converter;
    }
}
