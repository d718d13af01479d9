package com.sundispatch.shared;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people reach this server: the start of every mailed link and of the payment provider's return URLs.
 * {@code sundispatch.mail.public-base-url} ({@code SUNDISPATCH_PUBLIC_BASE_URL}) when set, unchanged (the prod
 * profile requires a public https URL). Unset, as in development, it is {@code http://localhost:<port>} with the
 * port the server actually listens on ({@code --server.port=9090}, a test's random port), https when the server
 * speaks TLS itself; until the server has started, port 8080.
 */
@Component
public class PublicBaseUrl {

    static final String BEFORE_START = "http://localhost:8080";

    private final String configured;
    private final boolean tls;
    private volatile String derived = BEFORE_START;

    @Autowired
    PublicBaseUrl(@Value("${sundispatch.mail.public-base-url:}") String configured, Environment environment) {
        this(configured, environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || !environment.getProperty("server.ssl.bundle", "").isBlank());
    }

    private PublicBaseUrl(String configured, boolean tls) {
        this.configured = configured == null || configured.isBlank() ? null : withoutTrailingSlashes(configured.strip());
        this.tls = tls;
    }

    /** A fixed base URL (tests of the classes that use it). */
    public static PublicBaseUrl of(String url) {
        return new PublicBaseUrl(url, false);
    }

    /** The base URL without a trailing slash, e.g. {@code https://sundispatch.example}. */
    public String get() {
        return configured != null ? configured : derived;
    }

    /** True when the operator set it; false when it is derived from the local port. */
    public boolean configured() {
        return configured != null;
    }

    @EventListener
    void onWebServerReady(WebServerInitializedEvent event) {
        // A separate management port (actuator) is not where people go.
        if (configured == null
                && !WebServerApplicationContext.hasServerNamespace(event.getApplicationContext(), "management")) {
            derived = (tls ? "https" : "http") + "://localhost:" + event.getWebServer().getPort();
        }
    }

    private static String withoutTrailingSlashes(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
