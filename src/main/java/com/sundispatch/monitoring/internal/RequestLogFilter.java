package com.sundispatch.monitoring.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.RequestAttributes;

/**
 * One JSON line per request: request id, method, path (never the query string), status, duration, client IP,
 * user id and user agent. The request id goes back as {@code X-Request-Id}; a client's own id is kept only when
 * it is a short, safe token. Bodies are never logged. Requests refused for a blocked address are counted
 * elsewhere and not logged one by one.
 */
class RequestLogFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Logger log = LoggerFactory.getLogger("sundispatch.request");

    private static final org.springframework.web.util.UrlPathHelper PATHS = new org.springframework.web.util.UrlPathHelper();

    private final ClientIpResolver clientIp;

    RequestLogFilter(ClientIpResolver clientIp) {
        this.clientIp = clientIp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String requestId = incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming
                : UUID.randomUUID().toString();
        response.setHeader(HEADER, requestId);
        MDC.put("requestId", requestId);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(RequestAttributes.BLOCKED) == null) {
                Object userId = request.getAttribute(RequestAttributes.USER_ID);
                String agent = request.getHeader(HttpHeaders.USER_AGENT);
                log.atInfo()
                        .addKeyValue("method", request.getMethod())
                        // Decoded, so the redaction sees what was meant (a card number sent as %20-separated
                        // digits); redaction runs on the whole value before anything is cut.
                        .addKeyValue("path", truncate(PATHS.getPathWithinApplication(request), 2000))
                        .addKeyValue("status", response.getStatus())
                        .addKeyValue("durationMs", (System.nanoTime() - start) / 1_000_000)
                        .addKeyValue("clientIp", clientIp.resolve(request))
                        .addKeyValue("userId", userId == null ? null : userId.toString())
                        .addKeyValue("userAgent", agent == null ? null : truncate(agent, 300))
                        .log("request");
            }
            MDC.remove("requestId");
        }
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
