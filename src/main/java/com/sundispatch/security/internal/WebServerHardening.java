package com.sundispatch.security.internal;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Container-level limits and the removal of anything that would reveal the server software. */
@Configuration(proxyBeanMethods = false)
class WebServerHardening {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> quietTomcatErrors() {
        return factory -> {
            // When the server speaks TLS itself (an SSL bundle is configured), only TLS 1.3 and 1.2, whatever the
            // bundle says. Connector customizers run after Boot has applied the bundle.
            factory.addConnectorCustomizers(connector -> {
                for (org.apache.tomcat.util.net.SSLHostConfig host : connector.findSslHostConfigs()) {
                    host.setProtocols("TLSv1.2,TLSv1.3");
                }
            });
            factory.addContextCustomizers(context -> {
            // Errors Tomcat answers itself (malformed requests) must not print its name and version.
            ProblemErrorReportValve valve = new ProblemErrorReportValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            context.getParent().getPipeline().addValve(valve);
            });
        };
    }

    @Bean
    FilterRegistrationBean<BaselineHeadersFilter> baselineHeadersFilter() {
        FilterRegistrationBean<BaselineHeadersFilter> registration =
                new FilterRegistrationBean<>(new BaselineHeadersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TrustedForwardedProtoFilter> trustedForwardedProtoFilter(
            TrustedProxyClientIpResolver proxies) {
        FilterRegistrationBean<TrustedForwardedProtoFilter> registration =
                new FilterRegistrationBean<>(new TrustedForwardedProtoFilter(proxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AllowedHostsFilter> allowedHostsFilter(SecurityProperties properties) {
        FilterRegistrationBean<AllowedHostsFilter> registration =
                new FilterRegistrationBean<>(new AllowedHostsFilter(java.util.Set.copyOf(properties.allowedHosts())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(SecurityProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodyBytes()));
        // Before any other filter can read a body (and before authentication: anonymous floods count too).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }
}
