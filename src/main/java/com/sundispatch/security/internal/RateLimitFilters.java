package com.sundispatch.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.shared.Problems;

/**
 * Token-bucket limits (API4). The per-IP stage runs before authentication, so floods of bad tokens are
 * limited too; the per-user stage runs after it.
 */
final class RateLimitFilters {

    /** Decoded and normalised as Spring MVC routes it: an encoded path ("/api/v1/a%75th/") is no way around. */
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilters.class);

    private RateLimitFilters() {
    }

    static final class PerIp extends OncePerRequestFilter {

        private final RateLimiter limiter;
        private final RateLimitProperties limits;
        private final ClientIpResolver clientIp;

        PerIp(RateLimiter limiter, RateLimitProperties limits, ClientIpResolver clientIp) {
            this.limiter = limiter;
            this.limits = limits;
            this.clientIp = clientIp;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !limits.enabled() || PATHS.getPathWithinApplication(request).startsWith("/actuator/health");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String ip = clientIp.resolve(request);
            if (PATHS.getPathWithinApplication(request).startsWith("/api/v1/auth/")) {
                RateLimiter.Decision auth = limiter.tryConsume("auth:" + ip, limits.authPerMinute());
                if (!auth.allowed()) {
                    reject(request, response, auth, "auth requests from " + ip);
                    return;
                }
            }
            RateLimiter.Decision all = limiter.tryConsume("ip:" + ip, limits.ipPerMinute());
            if (!all.allowed()) {
                reject(request, response, all, "requests from " + ip);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    static final class PerUser extends OncePerRequestFilter {

        private final RateLimiter limiter;
        private final RateLimitProperties limits;

        PerUser(RateLimiter limiter, RateLimitProperties limits) {
            this.limiter = limiter;
            this.limits = limits;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !limits.enabled();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth instanceof JwtAuthenticationToken token) {
                RateLimiter.Decision d = limiter.tryConsume("user:" + token.getToken().getSubject(),
                        limits.userPerMinute());
                if (!d.allowed()) {
                    reject(request, response, d, "requests of user " + token.getToken().getSubject());
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, RateLimiter.Decision d,
            String what) throws IOException {
        log.info("Rate limited: {} ({} {})", what, request.getMethod(), PATHS.getPathWithinApplication(request));
        response.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
        Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests. Try again in " + d.retryAfterSeconds() + " s.");
    }
}
