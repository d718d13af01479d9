package com.sundispatch.security.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

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
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import com.sundispatch.security.Secrets;

/**
 * Verification of access tokens. The algorithm is pinned to HS256 (so {@code alg: none} and algorithm
 * confusion fail), issuer and audience are pinned, at most the configured skew is allowed on expiry, and a
 * token whose session was revoked is refused even though its signature and expiry are fine.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoding {

    static final String INVALID_TOKEN = "invalid_token";

    @Bean
    JwtDecoder jwtDecoder(Secrets secrets, SecurityProperties properties, SessionGate gate, Clock clock) {
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
        // The issuer stays the plain string it is: the default claim converter first tries "sundispatch" as a
        // URL and throws (and discards) an exception on every request.
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        String issuer = properties.issuer();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtClaimValidator<Object>(JwtClaimNames.ISS, iss -> iss != null && issuer.equals(iss.toString())),
                new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(properties.audience())),
                required)));
        // Revocation last, once signature and claims hold: only a genuine token reaches Redis, where the
        // revocation check and the user's rate-limit token are one round trip (SessionGate).
        return token -> {
            Jwt jwt = decoder.decode(token);
            if (gate.isRevoked(jwt.getClaimAsString("sid"), jwt.getSubject())) {
                throw new JwtValidationException("Session ended",
                        List.of(new OAuth2Error(INVALID_TOKEN, "Session ended", null)));
            }
            return jwt;
        };
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
