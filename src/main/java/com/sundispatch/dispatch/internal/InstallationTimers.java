package com.sundispatch.dispatch.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reminders, automatic confirmations and late-start alerts, once a minute by default; safe on several instances. */
@Component
class InstallationTimers {

    private final Installations installations;

    InstallationTimers(Installations installations) {
        this.installations = installations;
    }

    @Scheduled(fixedDelayString = "${sundispatch.installation.timer-interval:PT1M}")
    void run() {
        installations.runTimers();
    }
}
