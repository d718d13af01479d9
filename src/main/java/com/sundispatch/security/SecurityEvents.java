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

    public void publish(String type, String userId, SecurityEvent.Outcome outcome, Map<String, String> detail) {
        HttpServletRequest request = currentRequest();
        publish(type, userId, outcome, detail, request);
    }

    public void publish(String type, String userId, SecurityEvent.Outcome outcome, Map<String, String> detail,
            HttpServletRequest request) {
        String ip = request == null ? null : clientIp.resolve(request);
        String agent = request == null ? null : request.getHeader(HttpHeaders.USER_AGENT);
        if (agent != null && agent.length() > 300) {
            agent = agent.substring(0, 300);
        }
        publisher.publishEvent(new SecurityEvent(type, clock.instant(), userId, ip, agent, outcome, detail));
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest() : null;
    }
}
