package com.sundispatch.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientKeysTest {

    private final ClientKeys keys = new ClientKeys(64);

    @ParameterizedTest
    @ValueSource(strings = { "2001:db8:1:2::1", "2001:DB8:1:2::ffff", "2001:0db8:0001:0002:0000:0000:0000:0001",
            "[2001:db8:1:2::abcd]", "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::1%eth0", " 2001:db8:1:2::7 ",
            "2001:db8:1:2:0:0:0:0" })
    void everySpellingOfAnAddressInOneSlash64HasTheSameKey(String ip) {
        assertThat(keys.key(ip)).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(keys.cidr(ip)).contains("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void theNeighbouringSlash64HasAnotherKey() {
        assertThat(keys.key("2001:db8:1:3::1")).isNotEqualTo(keys.key("2001:db8:1:2::1"));
    }

    @Test
    void ipv4StaysPerAddress() {
        assertThat(keys.key("203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(keys.key("203.0.113.6")).isEqualTo("203.0.113.6");
        assertThat(keys.cidr("203.0.113.5")).contains("203.0.113.5/32");
    }

    @ParameterizedTest
    @ValueSource(strings = { "::ffff:203.0.113.5", "::FFFF:203.0.113.5", "[::ffff:203.0.113.5]", "::ffff:cb00:7105",
            "0:0:0:0:0:ffff:203.0.113.5" })
    void ipv4MappedIpv6IsTheIpv4Address(String ip) {
        assertThat(keys.key(ip)).isEqualTo("203.0.113.5");
        assertThat(keys.cidr(ip)).contains("203.0.113.5/32");
        assertThat(ClientKeys.canonical(ip)).contains("203.0.113.5");
    }

    @Test
    void zoneIdsAndBracketsAreDroppedFromTheCanonicalSpelling() {
        assertThat(ClientKeys.canonical("fe80::1%eth0")).contains("fe80:0:0:0:0:0:0:1");
        assertThat(ClientKeys.canonical("fe80::1%2")).contains("fe80:0:0:0:0:0:0:1");
        assertThat(ClientKeys.canonical("[::1]")).contains("0:0:0:0:0:0:0:1");
        assertThat(keys.key("fe80::1%eth0")).isEqualTo("fe80:0:0:0:0:0:0:0/64");
    }

    @Test
    void theAggregationPrefixIsConfigurable() {
        ClientKeys slash48 = new ClientKeys(48);
        assertThat(slash48.key("2001:db8:1:2::1")).isEqualTo(slash48.key("2001:db8:1:ffff::1"))
                .isEqualTo("2001:db8:1:0:0:0:0:0/48");
        ClientKeys exact = new ClientKeys(128);
        assertThat(exact.key("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:1/128");
        ClientKeys slash56 = new ClientKeys(56);
        assertThat(slash56.key("2001:db8:1:2ff::1")).isEqualTo("2001:db8:1:200:0:0:0:0/56");
        assertThatThrownBy(() -> new ClientKeys(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientKeys(129)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "example.com", "localhost", "1.2.3", "999.1.1.1", "2001:db8::g", "", "not an ip" })
    void textThatIsNoAddressIsNeverResolvedAndKeptAsItIs(String text) {
        assertThat(ClientKeys.parse(text)).isEmpty();
        assertThat(keys.cidr(text)).isEmpty();
        assertThat(keys.key(text)).isEqualTo(text.isBlank() ? "unknown" : text);
    }
}
