package com.sundispatch.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far IPv6 client addresses are aggregated for per-address controls
 * ({@code sundispatch.security.ipv6-aggregation-prefix}, a /64 by default). Its own record beside
 * {@link SecurityProperties} on the same prefix.
 */
@ConfigurationProperties("sundispatch.security")
public record ClientKeyProperties(@DefaultValue("64") int ipv6AggregationPrefix) {
}
