package com.sundispatch.security.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.ClientKeys;
import com.sundispatch.security.RequestAttributes;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
        private final ClientKeys clientKeys;
        private final Rejections rejections;

        PerIp(RateLimiter limiter, RateLimitProperties limits, ClientIpResolver clientIp, ClientKeys clientKeys,
                Rejections rejections) {
            this.limiter = limiter;
            this.limits = limits;
            this.clientIp = clientIp;
            this.clientKeys = clientKeys;
            this.rejections = rejections;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !limits.enabled() || PATHS.getPathWithinApplication(request).startsWith("/actuator/health");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // One bucket per IPv4 address or IPv6 /64 (ClientKeys), not per spelling or per /128.
            String ip = clientKeys.key(clientIp.resolve(request));
            String path = PATHS.getPathWithinApplication(request);
            // Quotes geocode their address too: they share the places budget, so they are no way around it.
            List<RateLimiter.Limit> buckets = new ArrayList<>(3);
            if (path.startsWith("/api/v1/places/") || path.equals("/api/v1/quotes")
                    || path.startsWith("/api/v1/quotes/")) {
                buckets.add(new RateLimiter.Limit("places:" + ip, limits.placesPerMinute()));
            }
            if (path.startsWith("/api/v1/auth/")) {
                buckets.add(new RateLimiter.Limit("auth:" + ip, limits.authPerMinute()));
            }
            buckets.add(new RateLimiter.Limit("ip:" + ip, limits.ipPerMinute()));
            if (carriesBearerToken(request)) {
                // The token check takes these with the revocation check and the user's token, in one Redis
                // round trip; a token that fails before it spends them as its 401 is written (SessionGate).
                SessionGate.deferAddress(buckets);
                try {
                    chain.doFilter(request, response);
                } finally {
                    // Whatever ended the request first, its address has paid.
                    SessionGate.settleAddress(limiter);
                    SessionGate.clear();
                }
                return;
            }
            // One call (one Redis round trip) for every bucket of this address.
            RateLimiter.Outcome outcome = limiter.tryConsume(buckets);
            if (!outcome.allowed()) {
                rejections.reject(request, response, outcome.decision(), buckets.get(outcome.refused()).key(), null);
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SessionGate.clear();
            }
        }

        /** As Spring's bearer-token resolver decides whether there is a token to check (or to refuse). */
        private static boolean carriesBearerToken(HttpServletRequest request) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6);
        }
    }

    /**
     * The 401 for a token that failed verification, unless its address's budget is spent: then 429, as if
     * the per-address filter had refused it before the token was looked at.
     */
    static AuthenticationEntryPoint addressFirst(AuthenticationEntryPoint entryPoint, RateLimiter limiter,
            Rejections rejections) {
        return (request, response, ex) -> {
            SessionGate.Address address = SessionGate.settleAddress(limiter);
            if (address != null && address.refused()) {
                rejections.reject(request, response, address.decision(), address.refusedKey(), null);
                return;
            }
            entryPoint.commence(request, response, ex);
        };
    }

    static final class PerUser extends OncePerRequestFilter {

        private final RateLimiter limiter;
        private final RateLimitProperties limits;
        private final Rejections rejections;

        PerUser(RateLimiter limiter, RateLimitProperties limits, Rejections rejections) {
            this.limiter = limiter;
            this.limits = limits;
            this.rejections = rejections;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth instanceof JwtAuthenticationToken token) {
                String userId = token.getToken().getSubject();
                request.setAttribute(RequestAttributes.USER_ID, userId);
                if (limits.enabled()) {
                    // The address's budget, taken while the token was checked, comes first.
                    SessionGate.Address address = SessionGate.addressRefusal();
                    if (address != null) {
                        rejections.reject(request, response, address.decision(), address.refusedKey(), userId);
                        return;
                    }
                    // Usually taken already, with the revocation check, while the token was verified.
                    RateLimiter.Decision d = SessionGate.takeUserDecision(userId);
                    if (d == null) {
                        d = limiter.tryConsume("user:" + userId, limits.userPerMinute());
                    }
                    if (!d.allowed()) {
                        rejections.reject(request, response, d, "user:" + userId, userId);
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Answers 429 and counts it. The audit trail gets one RATE_LIMITED event per bucket and minute, not one per
     * refused request, so a flood cannot flood the audit table.
     */
    static final class Rejections {

        private final SecurityEvents events;
        private final Counter counter;
        private final ConcurrentHashMap<String, Long> lastAudited = new ConcurrentHashMap<>();

        Rejections(SecurityEvents events, MeterRegistry meters) {
            this.events = events;
            this.counter = Counter.builder("sundispatch.requests.rate_limited")
                    .description("Requests refused by a rate limit").register(meters);
        }

        void reject(HttpServletRequest request, HttpServletResponse response, RateLimiter.Decision d, String bucket,
                String userId) throws IOException {
            counter.increment();
            long minute = System.currentTimeMillis() / 60_000;
            Long previous = lastAudited.put(bucket, minute);
            if (previous == null || previous != minute) {
                if (lastAudited.size() > 100_000) {
                    lastAudited.clear();
                }
                log.info("Rate limited: {} {}", request.getMethod(), PATHS.getPathWithinApplication(request));
                events.publish("RATE_LIMITED", userId, SecurityEvent.Outcome.DENIED,
                        Map.of("bucket", bucket.substring(0, bucket.indexOf(':'))), request);
            }
            response.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
            Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many requests. Try again in " + d.retryAfterSeconds() + " s.");
        }
    }
}
