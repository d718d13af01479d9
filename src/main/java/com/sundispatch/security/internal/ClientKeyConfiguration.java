package com.sundispatch.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.security.ClientKeys;

/** The IPv6 prefix that per-address controls aggregate to ({@code sundispatch.security.ipv6-aggregation-prefix}). */
@Configuration(proxyBeanMethods = false)
class ClientKeyConfiguration {

    @Bean
    ClientKeys clientKeys(ClientKeyProperties properties) {
        return new ClientKeys(properties.ipv6AggregationPrefix());
    }
}
