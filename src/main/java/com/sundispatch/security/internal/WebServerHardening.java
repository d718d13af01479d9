package com.sundispatch.security.internal;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.ClientKeys;
import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.Problems;

import io.micrometer.core.instrument.MeterRegistry;

/** Container-level limits and the removal of anything that would reveal the server software. */
@Configuration(proxyBeanMethods = false)
class WebServerHardening {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> quietTomcatErrors(ContentSecurityPolicy csp) {
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
            ProblemErrorReportValve valve = new ProblemErrorReportValve(csp.value());
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            context.getParent().getPipeline().addValve(valve);
            });
        };
    }

    @Bean
    FilterRegistrationBean<BaselineHeadersFilter> baselineHeadersFilter(ContentSecurityPolicy csp) {
        FilterRegistrationBean<BaselineHeadersFilter> registration =
                new FilterRegistrationBean<>(new BaselineHeadersFilter(csp));
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
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(SecurityProperties properties,
            TransportProperties transport) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodyBytes(), transport.uploadMaxBytes()));
        // Before any other filter can read a body (and before authentication: anonymous floods count too).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    /**
     * Slow clients (API4). A body must keep coming ({@code upload-read-timeout} between its bytes, instead of the
     * connection timeout) and the connection is closed, not drained, after an answer that left the body unread.
     * Thread and connection counts are {@code server.tomcat.*} (application.yml).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> slowClientLimits(TransportProperties transport) {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout((int) transport.uploadReadTimeout().toMillis());
                }
            });
            factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new NoSwallowValve()));
        };
    }

    @Bean
    FilterRegistrationBean<InFlightLimitFilter> inFlightLimitFilter(ClientIpResolver clientIp, ClientKeys clientKeys,
            TransportProperties transport, MeterRegistry meters) {
        FilterRegistrationBean<InFlightLimitFilter> registration =
                new FilterRegistrationBean<>(new InFlightLimitFilter(clientIp, clientKeys, transport, meters));
        // First of all: a client over its limit is refused before anything could read its body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Undecodable paths, queries and headers: 400 malformed_request before anything tries to decode them. */
    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter() {
        FilterRegistrationBean<MalformedRequestFilter> registration =
                new FilterRegistrationBean<>(new MalformedRequestFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /**
     * JSON bodies only (multipart on the upload route only): 415 before any message converter, parameter parser or
     * multipart parser sees another type.
     */
    @Bean
    FilterRegistrationBean<JsonBodyOnlyFilter> jsonBodyOnlyFilter() {
        FilterRegistrationBean<JsonBodyOnlyFilter> registration = new FilterRegistrationBean<>(new JsonBodyOnlyFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }

    /**
     * Paths Spring Security's firewall refuses (";jsessionid=", "//", "%2e", ...) get the same 400 problem as any
     * other malformed request, written at once rather than through an error dispatch; nothing is logged above DEBUG.
     */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> Problems.write(request, response, HttpStatus.BAD_REQUEST,
                ErrorCodes.MALFORMED_REQUEST, "The request path is not accepted.");
    }
}
