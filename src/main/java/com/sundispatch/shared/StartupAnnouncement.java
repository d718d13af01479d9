package com.sundispatch.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where to find it and its API documentation. */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    private final Environment environment;

    StartupAnnouncement(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void onWebServerReady(WebServerInitializedEvent event) {
        String base = "http://localhost:" + event.getWebServer().getPort();
        boolean docs = environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true);
        log.info("SunDispatch is running at {}{}", base, docs ? " (API docs: " + base + "/docs)" : "");
    }
}
