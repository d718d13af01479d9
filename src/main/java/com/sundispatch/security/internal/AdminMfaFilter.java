package com.sundispatch.security.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.Problems;

/**
 * ADMIN accounts must use MFA: a token of an admin without it reaches only its own account and the MFA
 * set-up endpoints (SECURITY.md A07). The {@code mfa} claim is set from the account when the token is issued.
 */
final class AdminMfaFilter extends OncePerRequestFilter {

    private final SecurityEvents events;

    AdminMfaFilter(SecurityEvents events) {
        this.events = events;
    }

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private static final Set<String> ALLOWED = Set.of(
            "GET /api/v1/me",
            // Set-up needs a step-up first (a stolen token must not enrol MFA), so the proof must be reachable.
            "POST /api/v1/me/reauthenticate",
            "POST /api/v1/me/mfa/totp/setup",
            "POST /api/v1/me/mfa/totp/enable",
            // A passkey meets the mandatory MFA too (docs/passkeys.md).
            "GET /api/v1/me/passkeys",
            "POST /api/v1/me/passkeys/registration-options",
            "POST /api/v1/me/passkeys",
            "POST /api/v1/auth/logout");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            List<String> roles = token.getToken().getClaimAsStringList("roles");
            boolean admin = roles != null && roles.contains("ADMIN");
            boolean mfa = Boolean.TRUE.equals(token.getToken().getClaimAsBoolean("mfa"));
            if (admin && !mfa && !ALLOWED.contains(request.getMethod() + " " + path(request))) {
                events.publish("ACCESS_DENIED", token.getToken().getSubject(),
                        SecurityEvent.Outcome.DENIED, java.util.Map.of("method",
                                request.getMethod(), "path", path(request), "reason", "mfa_setup_required"), request);
                Problems.write(request, response, HttpStatus.FORBIDDEN, "mfa_setup_required",
                        "Administrators must turn on two-factor authentication before doing anything else.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        String uri = PATHS.getPathWithinApplication(request);
        return uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
