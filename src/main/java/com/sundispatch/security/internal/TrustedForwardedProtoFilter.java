package com.sundispatch.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a TLS-terminating proxy the app sees http; the proxy says https in {@code X-Forwarded-Proto}. Believed
 * only from {@code SUNDISPATCH_TRUSTED_PROXIES}, so that same-origin checks (CORS) and HSTS see the scheme the
 * browser used, and nobody else can claim it.
 */
class TrustedForwardedProtoFilter extends OncePerRequestFilter {

    private final TrustedProxyClientIpResolver proxies;

    TrustedForwardedProtoFilter(TrustedProxyClientIpResolver proxies) {
        this.proxies = proxies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto != null && proxies.isTrustedPeer(request)) {
            String scheme = proto.split(",")[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (scheme.equals("https") || scheme.equals("http")) {
                int port = forwardedPort(request.getHeader("X-Forwarded-Port"), scheme);
                chain.doFilter(new HttpServletRequestWrapper(request) {
                    @Override
                    public String getScheme() {
                        return scheme;
                    }

                    @Override
                    public boolean isSecure() {
                        return scheme.equals("https");
                    }

                    @Override
                    public int getServerPort() {
                        return port;
                    }
                }, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static int forwardedPort(String header, String scheme) {
        if (header != null && header.trim().matches("\\d{1,5}")) {
            return Integer.parseInt(header.trim());
        }
        return scheme.equals("https") ? 443 : 80;
    }
}
