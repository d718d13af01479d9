package com.sundispatch.security.internal;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;

/** An authenticated caller refused (403) becomes an ACCESS_DENIED security event. */
@Component
class AccessDeniedAudit {

    private final SecurityEvents events;

    AccessDeniedAudit(SecurityEvents events) {
        this.events = events;
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> denied) {
        Authentication auth = denied.getAuthentication().get();
        if (auth instanceof JwtAuthenticationToken token) {
            events.publish("ACCESS_DENIED", token.getToken().getSubject(), SecurityEvent.Outcome.DENIED, where());
        }
    }

    /** Method and path of the refused request (never the query string). */
    static Map<String, String> where() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attrs) {
            String path = attrs.getRequest().getRequestURI();
            return Map.of("method", attrs.getRequest().getMethod(), "path", path.length() > 200 ? path.substring(0, 200)
                    : path);
        }
        return Map.of();
    }
}
