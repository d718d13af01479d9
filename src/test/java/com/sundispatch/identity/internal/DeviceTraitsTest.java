package com.sundispatch.identity.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceTraitsTest {

    @ParameterizedTest(name = "{1} on {2}")
    @CsvSource(delimiter = '|', value = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0|Edge|Windows",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 EdgA/131.0.0.0|Edge|Android",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0|Opera|Windows",
        "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36|Samsung Internet|Android",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0|Firefox|Windows",
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0|Firefox|Linux",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15|Firefox|iOS",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|Chrome|macOS",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1|Chrome|iOS",
        "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|Chrome|ChromeOS",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36|Chrome|Android",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15|Safari|macOS",
        "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1|Safari|iOS",
        "curl/8.5.0|other|other",
        "Java-http-client/17.0.13|other|other",
        "''|other|other"
    })
    void userAgentGivesBrowserAndOsFamily(String userAgent, String browser, String os) {
        assertThat(DeviceTraits.browserFamily(userAgent)).isEqualTo(browser);
        assertThat(DeviceTraits.osFamily(userAgent)).isEqualTo(os);
    }

    @Test
    void noUserAgentIsOtherOnOther() {
        assertThat(DeviceTraits.browserFamily(null)).isEqualTo("other");
        assertThat(DeviceTraits.osFamily(null)).isEqualTo("other");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.57|203.0.113.0/24",
        "10.1.2.3|10.1.2.0/24",
        "::ffff:198.51.100.9|198.51.100.0/24",
        "2001:db8:1:2:3:4:5:6|2001:db8:1::/48",
        "2001:0DB8:00AB:ffff::1|2001:db8:ab::/48",
        "2001:db8::1|2001:db8::/48",
        "[2001:db8:7::1]|2001:db8:7::/48",
        "fe80::1%eth0|fe80::/48",
        "::1|::/48",
        "not-an-address|unknown",
        "999.1.1.1|unknown",
        "''|unknown"
    })
    void networkIsACoarsePrefixNeverTheAddress(String ip, String network) {
        assertThat(DeviceTraits.network(ip)).isEqualTo(network);
    }

    @Test
    void noAddressIsAnUnknownNetwork() {
        assertThat(DeviceTraits.network(null)).isEqualTo("unknown");
    }

    @Test
    void traitsOfAClientComeFromItsUserAgentAndAddress() {
        DeviceTraits traits = DeviceTraits.of(new ClientContext("203.0.113.57",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", null));
        assertThat(traits).isEqualTo(new DeviceTraits("Firefox", "Windows", "203.0.113.0/24"));
        assertThat(traits.sameAs("Firefox", "Windows", "203.0.113.0/24")).isTrue();
        assertThat(traits.sameAs("Firefox", "Windows", "203.0.114.0/24")).isFalse();
    }

    @Test
    void onlyWellFormedDeviceCookiesAreTakenAtAll() {
        assertThat(new ClientContext("", "", "AAAAAAAAAAAAAAAAAAAAAA").deviceToken()).isNotNull();
        assertThat(new ClientContext("", "", "short").deviceToken()).isNull();
        assertThat(new ClientContext("", "", "a\"b;c=d/e+f==AAAAAAAAAAA").deviceToken()).isNull();
        assertThat(new ClientContext("", "", "A".repeat(65)).deviceToken()).isNull();
        assertThat(new ClientContext("", "", "AAAAAAAAAAAAAAAAAAAAAA").toString()).doesNotContain("AAAA");
    }
}
