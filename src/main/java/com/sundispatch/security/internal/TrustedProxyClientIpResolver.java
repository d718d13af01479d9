package com.sundispatch.security.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import com.sundispatch.security.ClientIpResolver;

/** Believes {@code X-Forwarded-For} only when the TCP peer is one of {@code SUNDISPATCH_TRUSTED_PROXIES}. */
@Component
class TrustedProxyClientIpResolver implements ClientIpResolver {

    private final List<IpAddressMatcher> trusted;

    TrustedProxyClientIpResolver(SecurityProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        String header = request.getHeader("X-Forwarded-For");
        if (header == null || header.isBlank()) {
            return peer;
        }
        String[] hops = header.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty() || !looksLikeIp(hop)) {
                // A garbled entry: stop believing anything further left.
                return i == hops.length - 1 ? peer : hops[i + 1].trim();
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops[0].trim();
    }

    /** Whether the TCP peer of this request is one of the configured proxies. */
    boolean isTrustedPeer(HttpServletRequest request) {
        return isTrusted(request.getRemoteAddr());
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty() || address == null) {
            return false;
        }
        for (IpAddressMatcher m : trusted) {
            try {
                if (m.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException ignored) {
                return false;
            }
        }
        return false;
    }

    private static boolean looksLikeIp(String s) {
        return s.length() <= 45 && s.matches("[0-9A-Fa-f:.]+");
    }
}
