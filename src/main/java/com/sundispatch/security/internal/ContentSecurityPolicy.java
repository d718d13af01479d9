package com.sundispatch.security.internal;

import java.net.URI;
import java.util.Locale;

/**
 * The Content-Security-Policy header. Strict by default; {@code img-src} allows {@code blob:} because installation
 * photos need the bearer token, so the web client fetches them and shows them through object URLs (and previews
 * photos before upload the same way), and additionally allows exactly the origin of the map's tile server when
 * {@code sundispatch.map.tile-url} (SUNDISPATCH_MAP_TILE_URL) is set. Read here and not from the places module,
 * so security depends on no feature module.
 */
record ContentSecurityPolicy(String value) {

    static final String STRICT = policy("");

    /** The policy for a tile URL (blank: none); a URL that is not https with {z}, {x} and {y} stops start-up. */
    static ContentSecurityPolicy forTileUrl(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return new ContentSecurityPolicy(STRICT);
        }
        String t = tileUrl.trim();
        URI uri;
        try {
            uri = URI.create(t.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0").replace("{r}", ""));
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !t.contains("{z}") || !t.contains("{x}") || !t.contains("{y}")
                || !uri.getHost().matches("[A-Za-z0-9.-]+")) {
            throw new IllegalStateException("Refusing to start: sundispatch.map.tile-url (SUNDISPATCH_MAP_TILE_URL) "
                    + "must be an https URL with {z}, {x} and {y} placeholders, e.g. "
                    + "https://tile.example/{z}/{x}/{y}.png");
        }
        String origin = "https://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 || uri.getPort() == 443 ? "" : ":" + uri.getPort());
        return new ContentSecurityPolicy(policy(" " + origin));
    }

    private static String policy(String extraImages) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:" + extraImages
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'; form-action 'self'";
    }
}
