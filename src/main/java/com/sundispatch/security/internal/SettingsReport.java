package com.sundispatch.security.internal;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** At start-up, the effective security settings (never a secret's value), so operators can check a deployment. */
@Component
class SettingsReport {

    private static final Logger log = LoggerFactory.getLogger(SettingsReport.class);

    private final Environment env;
    private final SecurityProperties security;
    private final RateLimitProperties limits;

    SettingsReport(Environment env, SecurityProperties security, RateLimitProperties limits) {
        this.env = env;
        this.security = security;
        this.limits = limits;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.atInfo()
                .addKeyValue("profiles", String.join(",", Arrays.asList(env.getActiveProfiles())))
                .addKeyValue("tls", env.getProperty("server.ssl.bundle") != null ? "on (TLS 1.2/1.3)" : "off (terminate at the proxy)")
                .addKeyValue("trustedProxies", security.trustedProxies().size())
                .addKeyValue("allowedHosts", security.allowedHosts().isEmpty() ? "any" : String.join(",", security.allowedHosts()))
                .addKeyValue("corsOrigins", security.corsAllowedOrigins().size())
                .addKeyValue("accessTokenTtl", security.accessTokenTtl().toString())
                .addKeyValue("bcryptCost", env.getProperty("sundispatch.identity.bcrypt-cost", "12"))
                .addKeyValue("rateLimits", limits.enabled() ? limits.authPerMinute() + "/" + limits.ipPerMinute() + "/"
                        + limits.userPerMinute() + " per minute (auth/ip/user)" : "OFF")
                .addKeyValue("sharedState", env.getProperty("spring.data.redis.url") != null ? "redis" : "in-process")
                .addKeyValue("apiDocs", env.getProperty("springdoc.api-docs.enabled", "true"))
                .addKeyValue("demoData", env.getProperty("sundispatch.demo-data.enabled", "true"))
                .log("effective security settings");
    }
}
