package com.sundispatch.security.internal;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxyClientIpResolverTest {

    private static SecurityProperties props(List<String> trusted) {
        return new SecurityProperties("i", "a", Duration.ofMinutes(15), Duration.ofSeconds(30), 65536, trusted, List.of(), List.of());
    }

    private static MockHttpServletRequest request(String peer, String xff) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(peer);
        if (xff != null) {
            r.addHeader("X-Forwarded-For", xff);
        }
        return r;
    }

    @Test
    void withoutTrustedProxiesAForgedHeaderChangesNothing() {
        var resolver = new TrustedProxyClientIpResolver(props(List.of()));
        assertThat(resolver.resolve(request("203.0.113.9", "1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void fromATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        var resolver = new TrustedProxyClientIpResolver(props(List.of("10.0.0.0/8")));
        assertThat(resolver.resolve(request("10.0.0.5", "6.6.6.6, 198.51.100.7, 10.0.0.3")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        var resolver = new TrustedProxyClientIpResolver(props(List.of("10.0.0.0/8")));
        assertThat(resolver.resolve(request("198.51.100.7", "10.0.0.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void garbageInTheHeaderStopsTheWalk() {
        var resolver = new TrustedProxyClientIpResolver(props(List.of("10.0.0.0/8")));
        assertThat(resolver.resolve(request("10.0.0.5", "<script>"))).isEqualTo("10.0.0.5");
    }
}
