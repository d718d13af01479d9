package com.sundispatch.security.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.ClientKeys;
import com.sundispatch.security.IpBlockList;
import com.sundispatch.security.SecurityEvents;

import io.micrometer.core.instrument.MeterRegistry;
import com.sundispatch.security.PublicPaths;

/** The one filter chain: stateless bearer tokens, deny by default, hardened headers, problem+json errors. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The policy without a tile server; {@link ContentSecurityPolicy} adds the configured one to img-src. */
    static final String CONTENT_SECURITY_POLICY = ContentSecurityPolicy.STRICT;

    @Bean
    ContentSecurityPolicy contentSecurityPolicy(@Value("${sundispatch.map.tile-url:}") String tileUrl) {
        return ContentSecurityPolicy.forTileUrl(tileUrl);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, JwtAuthenticationConverter converter,
            RateLimiter limiter, RateLimitProperties limits, ClientIpResolver clientIp, ObjectProvider<IpBlockList> blocks,
            MeterRegistry meters, SecurityEvents events, SecurityProperties properties, ClientKeys clientKeys,
            ContentSecurityPolicy contentSecurityPolicy) throws Exception {
        // One audit trail and counter for refusals, whichever stage refuses.
        RateLimitFilters.Rejections rejections = new RateLimitFilters.Rejections(events, meters);
        RateLimitFilters.PerUser perUser = new RateLimitFilters.PerUser(limiter, limits, rejections);
        http
                .addFilterBefore(corsFilter(properties), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new IpBlockFilter(blocks, clientIp, meters), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilters.PerIp(limiter, limits, clientIp, clientKeys, rejections),
                        IpBlockFilter.class)
                .addFilterAfter(perUser, BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new AdminMfaFilter(events), RateLimitFilters.PerUser.class)
                // Stateless API: credentials travel in the Authorization header, which a browser never adds on
                // its own. The only cookie (the refresh token) is SameSite=Strict and scoped to /api/v1/auth,
                // so CSRF tokens would protect nothing here.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> {
                    for (PublicPaths.Rule rule : PublicPaths.RULES) {
                        if (rule.method() == null) {
                            auth.requestMatchers(rule.pattern()).permitAll();
                        } else {
                            auth.requestMatchers(rule.method(), rule.pattern()).permitAll();
                            if (rule.method() == HttpMethod.GET) {
                                auth.requestMatchers(HttpMethod.HEAD, rule.pattern()).permitAll();
                            }
                        }
                    }
                    auth.requestMatchers("/api/v1/admin/**").hasRole("ADMIN");
                    auth.requestMatchers("/actuator/**").hasRole("ADMIN");
                    auth.requestMatchers("/api/v1/installer/**").hasRole("INSTALLER");
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(RateLimitFilters.addressFirst(ProblemSecurityHandlers.entryPoint(),
                                limiter, rejections))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy.value()))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy(BaselineHeadersFilter.PERMISSIONS_POLICY))
                        .frameOptions(f -> f.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    /**
     * CORS for the origins in {@code SUNDISPATCH_CORS_ALLOWED_ORIGINS} only, each echoed exactly, with
     * credentials (the refresh cookie); none configured means no cross-origin access at all.
     */
    static CorsFilter corsFilter(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(properties.corsAllowedOrigins());
            config.setAllowedMethods(java.util.List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            config.setAllowedHeaders(java.util.List.of("Authorization", "Content-Type", "X-Request-Id",
                    "X-Requested-With"));
            config.setExposedHeaders(java.util.List.of("X-Request-Id", "Retry-After"));
            config.setAllowCredentials(true);
            config.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", config);
        }
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    /** Denials (by path rule or by method security) become events, which {@link AccessDeniedAudit} records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }
}
