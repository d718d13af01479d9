package com.sundispatch.security.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decoding and keying rules of the transport filters, one input at a time. */
class TransportRulesTest {

    private static byte[] read(String hex) throws IOException {
        try (Utf8ValidatingInputStream in = new Utf8ValidatingInputStream(
                new DelegatingServletInputStream(new ByteArrayInputStream(HexFormat.of().parseHex(hex))))) {
            return in.readAllBytes();
        }
    }

    @Test
    void wellFormedUtf8BodiesPassUnchanged() throws IOException {
        for (String hex : new String[] { "7b7d", "c3a4", "e282ac", "f09f8c9e", "ed9fbf", "ee8080", "f48fbfbf", "" }) {
            assertThat(HexFormat.of().formatHex(read(hex))).isEqualTo(hex);
        }
    }

    @Test
    void overlongSurrogateTruncatedAndStrayBytesAreRefused() {
        for (String hex : new String[] { "ff", "c0af", "c1bf", "e080af", "eda080", "edbfbf", "f08fbfbf", "f4908080",
                "80", "c3", "e282", "f09f8c", "c328", "f5808080" }) {
            assertThatThrownBy(() -> read(hex)).as(hex).isInstanceOf(Utf8ValidatingInputStream.MalformedUtf8Exception.class);
        }
    }

    @Test
    void strictPercentDecodingOfPathsAndQueries() {
        assertThat(MalformedRequestFilter.decodes("/api/v1/catalog/panels/abc-123", true)).isTrue();
        assertThat(MalformedRequestFilter.decodes("q=Sol%C3%A4r+Modul&sort=price", false)).isTrue();
        assertThat(MalformedRequestFilter.decodes("q=%F0%9F%8C%9E", false)).isTrue();
        for (String bad : new String[] { "q=%ff", "q=%zz", "q=%", "q=%e", "q=%ed%a0%80", "q=%c0%af", "q=%c3" }) {
            assertThat(MalformedRequestFilter.decodes(bad, false)).as(bad).isFalse();
        }
        for (String bad : new String[] { "/a%2fb", "/a%2Fb", "/a%5cb", "/a%00b", "/a%0ab", "/a%7fb", "/%ff" }) {
            assertThat(MalformedRequestFilter.decodes(bad, true)).as(bad).isFalse();
        }
        // In a query, an encoded slash is just data.
        assertThat(MalformedRequestFilter.decodes("next=%2Forders", false)).isTrue();
    }

    @Test
    void headerValuesMustBeUtf8() {
        assertThat(MalformedRequestFilter.validUtf8Header("Bearer abc.def")).isTrue();
        assertThat(MalformedRequestFilter.validUtf8Header("Br\u00c3\u00bcckner/1.0")).isTrue();
        assertThat(MalformedRequestFilter.validUtf8Header("\u00ff\u00fe")).isFalse();
        assertThat(MalformedRequestFilter.validUtf8Header("203.0.113.9\u00c3")).isFalse();
        assertThat(MalformedRequestFilter.validUtf8Header("\u00ed\u00a0\u0080")).isFalse();
    }

    @Test
    void onlyUtf8JsonCountsAsJson() {
        assertThat(JsonBodyOnlyFilter.isUtf8Json("application/json")).isTrue();
        assertThat(JsonBodyOnlyFilter.isUtf8Json("Application/JSON; charset=utf-8")).isTrue();
        for (String type : new String[] { null, "", "application/yaml", "text/plain", "application/json; charset=latin1",
                "application/json; charset=bogus", "application/merge-patch+json", "application/*", "*/*", "json" }) {
            assertThat(JsonBodyOnlyFilter.isUtf8Json(type)).as(String.valueOf(type)).isFalse();
        }
    }
}
