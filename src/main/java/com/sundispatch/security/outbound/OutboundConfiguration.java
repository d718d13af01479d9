package com.sundispatch.security.outbound;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.net.ssl.SSLSocketFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import com.sundispatch.security.HostResolver;
import com.sundispatch.security.OutboundHttp;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HostResolver hostResolver() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /**
     * The dev allow-list ({@code sundispatch.outbound.dev-allowed-hosts}) lets tests and local development
     * deliver over http to a receiver on this machine. The prod profile refuses to start with one.
     */
    @Bean
    OutboundHttp outboundHttp(HostResolver resolver, Environment environment,
            @Value("${sundispatch.outbound.dev-allowed-hosts:}") String devAllowed) {
        Set<String> allowed = Arrays.stream(devAllowed.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (!allowed.isEmpty() && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Refusing to start: sundispatch.outbound.dev-allowed-hosts must be empty "
                    + "in the prod profile");
        }
        return new GuardedHttpClient(new UrlGuard(resolver, allowed), (SSLSocketFactory) SSLSocketFactory.getDefault());
    }
}
