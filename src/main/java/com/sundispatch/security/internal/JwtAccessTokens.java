package com.sundispatch.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sundispatch.security.AccessToken;
import com.sundispatch.security.AccessTokens;
import com.sundispatch.security.Secrets;

/** HS256 access tokens: this server both issues and verifies them, so a shared 256-bit secret suffices. */
@Component
class JwtAccessTokens implements AccessTokens {

    private final MACSigner signer;
    private final SecurityProperties properties;
    private final Clock clock;

    JwtAccessTokens(Secrets secrets, SecurityProperties properties, Clock clock) throws JOSEException {
        this.signer = new MACSigner(secrets.jwtKey());
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public AccessToken issue(String userId, Collection<String> roles, String sessionId, boolean mfa) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .subject(userId)
                .claim("roles", List.copyOf(roles))
                .claim("sid", sessionId)
                .claim("mfa", mfa)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign access token", e);
        }
        return new AccessToken(jwt.serialize(), properties.accessTokenTtl().toSeconds());
    }

    @Override
    public Duration lifetimeWithSkew() {
        return properties.accessTokenTtl().plus(properties.clockSkew());
    }
}
