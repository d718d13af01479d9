package com.sundispatch.security.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sundispatch.security.HostResolver;
import com.sundispatch.security.UnsafeUrlException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlGuardTest {

    /** A small DNS for the table: names that resolve to public, private, or mixed addresses. */
    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "v6.example.com", List.of("2606:2800:220:1:248:1893:25c8:1946"),
            "internal.example.com", List.of("10.1.2.3"),
            "metadata.example.com", List.of("169.254.169.254"),
            "mixed.example.com", List.of("93.184.216.34", "192.168.0.10"),
            "loop.example.com", List.of("127.0.0.1"),
            "ula.example.com", List.of("fd00::1"),
            "receiver.test", List.of("127.0.0.1"));

    private static final HostResolver RESOLVER = host -> {
        List<String> answer = DNS.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        return answer.stream().map(a -> {
            try {
                return InetAddress.getByName(a);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    };

    private final UrlGuard guard = new UrlGuard(RESOLVER, Set.of("receiver.test"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://hooks.example.com/x | https_only",
            "ftp://hooks.example.com/x | https_only",
            "file:///etc/passwd | https_only",
            "gopher://hooks.example.com/ | https_only",
            "javascript:alert(1) | https_only",
            "https://user:pass@hooks.example.com/x | no_user_info",
            "https://user@hooks.example.com/x | no_user_info",
            "https://hooks.example.com:8443/x | default_port_only",
            "https://hooks.example.com:22/x | default_port_only",
            "https://hooks.example.com/x#frag | no_fragment",
            "https://127.0.0.1/x | public_address",
            "https://127.1/x | public_address",
            "https://2130706433/x | public_address",
            "https://0x7f000001/x | public_address",
            "https://0x7f.0.0.1/x | public_address",
            "https://0177.0.0.1/x | public_address",
            "https://017700000001/x | public_address",
            "https://0/x | public_address",
            "https://0.0.0.0/x | public_address",
            "https://10.0.0.1/x | public_address",
            "https://172.16.5.4/x | public_address",
            "https://172.31.255.255/x | public_address",
            "https://192.168.1.1/x | public_address",
            "https://169.254.169.254/latest/meta-data | public_address",
            "https://100.64.0.1/x | public_address",
            "https://224.0.0.1/x | public_address",
            "https://255.255.255.255/x | public_address",
            "https://198.18.0.1/x | public_address",
            "https://[::1]/x | public_address",
            "https://[::]/x | public_address",
            "https://[::ffff:127.0.0.1]/x | public_address",
            "https://[::ffff:7f00:1]/x | public_address",
            "https://[::ffff:169.254.169.254]/x | public_address",
            "https://[::127.0.0.1]/x | public_address",
            "https://[fe80::1]/x | public_address",
            "https://[fc00::1]/x | public_address",
            "https://[fd12:3456::1]/x | public_address",
            "https://[ff02::1]/x | public_address",
            "https://[64:ff9b::a00:1]/x | public_address",
            "https://[2002:7f00:1::]/x | public_address",
            "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x | public_address",
            "https://[::ffff:0:7f00:1]/x | public_address",
            "https://[100::1]/x | public_address",
            "https://192.88.99.1/x | public_address",
            "https://1.2.3.256/x | syntax",
            "https://0x7f.0.0.1.5/x | syntax",
            "https://internal.example.com/x | public_address",
            "https://metadata.example.com/x | public_address",
            "https://mixed.example.com/x | public_address",
            "https://loop.example.com/x | public_address",
            "https://ula.example.com/x | public_address",
            "https://no-such-host.example/x | resolvable_host",
            "https://bad_host!.example/x | syntax",
            "not a url | syntax",
            "https:///nohost | syntax" })
    void refused(String url, String rule) {
        assertThatThrownBy(() -> guard.vet(url)).isInstanceOf(UnsafeUrlException.class)
                .satisfies(e -> assertThat(((UnsafeUrlException) e).rule()).isEqualTo(rule));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://hooks.example.com/webhooks/sundispatch | 93.184.216.34 | 443",
            "https://HOOKS.example.com./x?a=1 | 93.184.216.34 | 443",
            "https://hooks.example.com:443/x | 93.184.216.34 | 443",
            "https://v6.example.com/x | 2606:2800:220:1:248:1893:25c8:1946 | 443",
            "https://93.184.216.34/x | 93.184.216.34 | 443",
            "http://receiver.test:8081/hook | 127.0.0.1 | 8081" })
    void accepted(String url, String address, int port) throws Exception {
        UrlGuard.Target t = guard.vet(url);
        assertThat(t.address()).isEqualTo(InetAddress.getByName(address));
        assertThat(t.port()).isEqualTo(port);
    }
}
