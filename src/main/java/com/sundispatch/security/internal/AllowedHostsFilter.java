package com.sundispatch.security.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.sundispatch.shared.Problems;

/**
 * With {@code SUNDISPATCH_ALLOWED_HOSTS} set, a request for any other Host (the port ignored) is refused with
 * 400 before it reaches anything else: no host-header games with caches, links or virtual hosts.
 */
class AllowedHostsFilter extends OncePerRequestFilter {

    private final Set<String> allowed;

    AllowedHostsFilter(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Orchestrator probes call the pod by its address: health answers whatever the Host.
        if (!allowed.isEmpty() && !request.getRequestURI().startsWith("/actuator/health")) {
            String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
            if (!allowed.contains(host)) {
                Problems.write(request, response, HttpStatus.BAD_REQUEST, "host_not_allowed",
                        "This server does not answer for that host name.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
