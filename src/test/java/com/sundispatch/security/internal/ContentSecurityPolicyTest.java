package com.sundispatch.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** img-src allows exactly the configured tile host, and a bad tile URL stops start-up. */
class ContentSecurityPolicyTest {

    @Test
    void withoutATileServerImagesComeFromThisSiteAndDataUrisOnly() {
        assertThat(ContentSecurityPolicy.forTileUrl("").value()).contains("img-src 'self' data: blob:;")
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(ContentSecurityPolicy.forTileUrl(null).value()).isEqualTo(ContentSecurityPolicy.STRICT);
    }

    @Test
    void tileHostIsAddedToImgSrcAndNowhereElse() {
        String policy = ContentSecurityPolicy.forTileUrl("https://Tile.Example/{z}/{x}/{y}.png?key=abc").value();

        assertThat(policy).contains("img-src 'self' data: blob: https://tile.example;");
        assertThat(policy.replace("img-src 'self' data: blob: https://tile.example;", "")).doesNotContain("tile.example");
        assertThat(policy).contains("script-src 'self';").contains("connect-src 'self';");
        assertThat(ContentSecurityPolicy.forTileUrl("https://maps.example:8443/t/{z}/{x}/{y}{r}.png").value())
                .contains("img-src 'self' data: blob: https://maps.example:8443;");
    }

    @Test
    void tileUrlMustBeHttpsWithAllPlaceholders() {
        for (String bad : new String[] { "http://tile.example/{z}/{x}/{y}.png", "https://tile.example/{z}/{x}.png",
                "https://tile.example/tiles.png", "tile.example/{z}/{x}/{y}.png", "https://{s}.tile.example/{z}/{x}/{y}.png",
                "https://user@tile.example/{z}/{x}/{y}.png", "https://tile.example;img-src */{z}/{x}/{y}" }) {
            assertThatThrownBy(() -> ContentSecurityPolicy.forTileUrl(bad)).as(bad)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("SUNDISPATCH_MAP_TILE_URL");
        }
    }
}
