package com.sundispatch.dispatch.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.shared.UniqueConstraints;

/** What each unique key of the dispatch tables means when a concurrent duplicate hits it (V5, V8, V13). */
@Configuration(proxyBeanMethods = false)
class DispatchConstraints {

    @Bean
    UniqueConstraints dispatchUniqueConstraints() {
        return new UniqueConstraints(List.of(
                UniqueConstraints.primaryKey("reviews", "already_reviewed",
                        "This installation has been reviewed already."),
                UniqueConstraints.named("uk_jobs_order", "jobs", "job_exists", "This order has a job already."),
                UniqueConstraints.named("uk_offers_once", "job_offers", "offer_exists",
                        "This installer has been offered this job already."),
                UniqueConstraints.named("uk_applications_pending", "installer_applications",
                        "application_in_progress", "Another application of yours is being filed at this moment."),
                UniqueConstraints.primaryKey("installer_profiles", "already_installer",
                        "This account is already an installer."),
                UniqueConstraints.primaryKey("installer_bookings", "offer_taken",
                        "Another installer took this job first."),
                UniqueConstraints.primaryKey("installer_webhooks", "webhook_changed",
                        "Your webhook was changed at the same moment; reload and try again.")));
    }
}
