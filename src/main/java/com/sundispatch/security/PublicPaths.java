package com.sundispatch.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * THE list of what anyone may call without a token (API.md "Public"). Everything else needs a valid
 * access token: deny by default.
 */
public final class PublicPaths {

    /** A method (null: any) and an Ant-style path pattern. */
    public record Rule(HttpMethod method, String pattern) {
    }

    public static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, "/api/v1/public/**"),
            new Rule(HttpMethod.GET, "/api/v1/catalog/**"),
            // Address suggestions and "use my location" serve the anonymous quote form.
            new Rule(HttpMethod.GET, "/api/v1/places/**"),
            new Rule(HttpMethod.POST, "/api/v1/quotes"),
            new Rule(HttpMethod.POST, "/api/v1/auth/register"),
            new Rule(HttpMethod.POST, "/api/v1/auth/login"),
            new Rule(HttpMethod.POST, "/api/v1/auth/refresh"),
            new Rule(HttpMethod.POST, "/api/v1/auth/verify-email"),
            new Rule(HttpMethod.POST, "/api/v1/auth/mfa/verify"),
            new Rule(HttpMethod.POST, "/api/v1/auth/mfa/passkey/options"),
            new Rule(HttpMethod.POST, "/api/v1/auth/mfa/passkey"),
            new Rule(HttpMethod.POST, "/api/v1/auth/passkey/options"),
            new Rule(HttpMethod.POST, "/api/v1/auth/passkey/login"),
            new Rule(HttpMethod.POST, "/api/v1/auth/password-reset/request"),
            new Rule(HttpMethod.POST, "/api/v1/auth/password-reset/confirm"),
            // The undo link of a scheduled account deletion: the mailed token is the proof.
            new Rule(HttpMethod.POST, "/api/v1/auth/deletion/undo"),
            new Rule(HttpMethod.POST, "/api/v1/auth/email-change/confirm"),
            new Rule(HttpMethod.POST, "/api/v1/auth/email-change/undo"),
            new Rule(HttpMethod.POST, "/api/v1/payments/webhook"),
            // The VAPID application server key is public by design (browsers hand it to their push service).
            new Rule(HttpMethod.GET, "/api/v1/push/vapid-public-key"),
            // The phone platforms fetch these before an app may use the site's passkeys (docs/passkeys.md).
            new Rule(HttpMethod.GET, "/.well-known/assetlinks.json"),
            new Rule(HttpMethod.GET, "/.well-known/apple-app-site-association"),
            new Rule(HttpMethod.GET, "/actuator/health"),
            new Rule(HttpMethod.GET, "/actuator/health/liveness"),
            new Rule(HttpMethod.GET, "/actuator/health/readiness"),
            new Rule(HttpMethod.GET, "/v3/api-docs"),
            new Rule(HttpMethod.GET, "/v3/api-docs/**"),
            new Rule(HttpMethod.GET, "/docs"),
            new Rule(HttpMethod.GET, "/docs/**"),
            new Rule(HttpMethod.GET, "/swagger-ui/**"),
            new Rule(HttpMethod.GET, "/"),
            new Rule(HttpMethod.GET, "/index.html"),
            new Rule(HttpMethod.GET, "/favicon.ico"),
            new Rule(HttpMethod.GET, "/assets/**"),
            new Rule(HttpMethod.GET, "/*.html"),
            new Rule(HttpMethod.GET, "/*.js"),
            new Rule(HttpMethod.GET, "/*.css"),
            new Rule(HttpMethod.GET, "/manifest.webmanifest"),
            new Rule(HttpMethod.GET, "/js/**"),
            new Rule(HttpMethod.GET, "/webjars/**"),
            new Rule(HttpMethod.GET, "/icons/**"),
            new Rule(HttpMethod.GET, "/verify-email"),
            new Rule(HttpMethod.GET, "/reset-password"),
            new Rule(HttpMethod.GET, "/confirm-email-change"),
            new Rule(HttpMethod.GET, "/undo-email-change"),
            new Rule(HttpMethod.GET, "/sandbox-checkout"),
            new Rule(HttpMethod.GET, "/data-export"),
            new Rule(HttpMethod.GET, "/keep-account"),
            // Container and filter errors are forwarded here; the page itself reveals nothing.
            new Rule(null, "/error"));

    private PublicPaths() {
    }
}
