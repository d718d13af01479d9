package com.sundispatch.monitoring.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.sundispatch.security.ClientIpResolver;

@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    /** Outermost filter: the request id exists for everything that is logged during the request. */
    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter(ClientIpResolver clientIp) {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(
                new RequestLogFilter(clientIp));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
