package com.sundispatch.security.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.IpBlockList;
import com.sundispatch.security.RequestAttributes;
import com.sundispatch.shared.Problems;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Refuses blocked addresses with 403 {@code ip_blocked}. Such requests are counted (metric), not logged one by
 * one, so a blocked flood cannot flood the logs either.
 */
class IpBlockFilter extends OncePerRequestFilter {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final ObjectProvider<IpBlockList> blocks;
    private final ClientIpResolver clientIp;
    private final Counter blockedRequests;

    IpBlockFilter(ObjectProvider<IpBlockList> blocks, ClientIpResolver clientIp, MeterRegistry meters) {
        this.blocks = blocks;
        this.clientIp = clientIp;
        this.blockedRequests = Counter.builder("sundispatch.requests.blocked")
                .description("Requests refused because their address is blocked").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IpBlockList list = blocks.getIfAvailable();
        if (list != null) {
            Optional<String> reason = list.blocked(clientIp.resolve(request), PATHS.getPathWithinApplication(request));
            if (reason.isPresent()) {
                blockedRequests.increment();
                request.setAttribute(RequestAttributes.BLOCKED, Boolean.TRUE);
                Problems.write(request, response, HttpStatus.FORBIDDEN, "ip_blocked",
                        "Requests from your address are blocked for now. Contact support if this is a mistake.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
