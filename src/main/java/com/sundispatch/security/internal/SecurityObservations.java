package com.sundispatch.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observations around every security filter, authentication and authorization: they cost about
 * a tenth of a simple request (a timer and context per filter) and tell nothing the request metrics
 * (http.server.requests), the audit trail and the rate-limit counters do not. Denials stay visible there.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
