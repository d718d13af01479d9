package com.sundispatch.places.internal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map's base layer ({@code sundispatch.map.*}): a raster tile URL with {z}, {x} and {y} (https only), its
 * attribution and the highest zoom. No tile URL: the web client draws its shipped outline layer. The security
 * module reads the same {@code sundispatch.map.tile-url} for the CSP's img-src.
 */
@ConfigurationProperties("sundispatch.map")
public record MapProperties(
        @DefaultValue("") String tileUrl,
        @DefaultValue("") String tileAttribution,
        @DefaultValue("18") int maxZoom) {

    public MapProperties {
        if (!tileUrl.isBlank()) {
            String t = tileUrl.trim();
            URI uri;
            try {
                uri = URI.create(t.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
                        .replace("{r}", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sundispatch.map.tile-url (SUNDISPATCH_MAP_TILE_URL) is not a URL");
            }
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || !t.contains("{z}") || !t.contains("{x}")
                    || !t.contains("{y}")) {
                throw new IllegalArgumentException("sundispatch.map.tile-url (SUNDISPATCH_MAP_TILE_URL) must be an "
                        + "https URL with {z}, {x} and {y} placeholders, e.g. https://tile.example/{z}/{x}/{y}.png");
            }
            tileUrl = t;
        }
        if (maxZoom < 1 || maxZoom > 22) {
            throw new IllegalArgumentException("sundispatch.map.max-zoom must be between 1 and 22");
        }
    }
}
