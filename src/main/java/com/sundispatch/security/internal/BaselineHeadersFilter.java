package com.sundispatch.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers, set first thing, so that even answers given before the security chain runs (body
 * too large, requests the firewall rejects) carry them. Spring Security's header writer sets the same values
 * again for everything that reaches it. HSTS goes out on HTTPS, including HTTPS terminated at a trusted proxy.
 */
class BaselineHeadersFilter extends OncePerRequestFilter {

    private final String contentSecurityPolicy;

    BaselineHeadersFilter(ContentSecurityPolicy contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy.value();
    }

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response, contentSecurityPolicy);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    static void apply(HttpServletResponse response, String contentSecurityPolicy) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }
}
