package com.sundispatch.security;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Publishes {@link SecurityEvent}s with the current request's client IP and user agent filled in. */
@Component
public class SecurityEvents {

    private final ApplicationEventPublisher publisher;
    private final ClientIpResolver clientIp;
    private final Clock clock;

    SecurityEvents(ApplicationEventPublisher publisher, ClientIpResolver clientIp, Clock clock) {
        this.publisher = publisher;
        this.clientIp = clientIp;
        this.clock = clock;
    }

    /** Where a request came from, captured on its thread so work finished later is audited with it. */
    public record Origin(String ip, String userAgent) {
        static final Origin NONE = new Origin(null, null);
    }

    /** The origin of work handed to another thread: set by {@link #runAs}, read when no request is bound. */
    private static final ThreadLocal<Origin> HANDED_OVER = new ThreadLocal<>();

    public void publish(String type, String userId, SecurityEvent.Outcome outcome, Map<String, String> detail) {
        HttpServletRequest request = currentRequest();
        Origin origin = request != null ? origin(request) : HANDED_OVER.get();
        publish(type, userId, outcome, detail, origin == null ? Origin.NONE : origin);
    }

    public void publish(String type, String userId, SecurityEvent.Outcome outcome, Map<String, String> detail,
            HttpServletRequest request) {
        publish(type, userId, outcome, detail, request == null ? Origin.NONE : origin(request));
    }

    private void publish(String type, String userId, SecurityEvent.Outcome outcome, Map<String, String> detail,
            Origin origin) {
        publisher.publishEvent(new SecurityEvent(type, clock.instant(), userId, origin.ip(), origin.userAgent(),
                outcome, detail));
    }

    /** The current request's origin (none outside a request), to hand to work that runs after the answer. */
    public Origin currentOrigin() {
        HttpServletRequest request = currentRequest();
        return request == null ? Origin.NONE : origin(request);
    }

    /**
     * Runs work on this (non-request) thread as if from {@code origin}: security events it publishes carry the
     * original client's address and user agent instead of none.
     */
    public static void runAs(Origin origin, Runnable work) {
        HANDED_OVER.set(origin);
        try {
            work.run();
        } finally {
            HANDED_OVER.remove();
        }
    }

    private Origin origin(HttpServletRequest request) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        if (agent != null && agent.length() > 300) {
            agent = agent.substring(0, 300);
        }
        return new Origin(clientIp.resolve(request), agent);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest() : null;
    }
}
