package com.sundispatch.places.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sundispatch.places.AddressQuery;
import com.sundispatch.places.Place;
import com.sundispatch.places.Precision;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.UnsafeUrlException;

import io.github.bucket4j.Bucket;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The online geocoder: a Nominatim-compatible service (structured {@code /search} to place an address, free-form
 * {@code q} for suggestions, {@code /reverse} for a point), called only through the SSRF-guarded
 * {@link OutboundHttp}. It identifies itself with a User-Agent naming SunDispatch and a contact, asks in the
 * caller's language, keeps to a request budget (1 a second by default: when it is spent the caller gets
 * {@link Answer#unavailable()} at once, never a wait) and caches answers. A timeout, 5xx, a body that is not
 * the expected JSON, an oversized answer or a refused redirect is also {@code unavailable()}, logged without
 * the address, so the gazetteer answers instead. A redirect is followed once, and only after the guard vetted
 * its Location.
 */
final class NominatimGeocoder {

    /** What the service said: {@code answered} false when it could not be asked or gave no usable answer. */
    record Answer(boolean answered, List<Place> places) {

        static Answer unavailable() {
            return new Answer(false, List.of());
        }
    }

    /** Our own cap on an answer, below the client's 1 MiB: a geocoder answer is a few KiB. */
    static final int MAX_ANSWER_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(NominatimGeocoder.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboundHttp http;
    private final String baseUrl;
    private final String userAgent;
    private final Duration timeout;
    private final Bucket budget;
    private final Cache<String, List<Place>> cache;

    NominatimGeocoder(OutboundHttp http, PlacesProperties properties, String version) {
        this.http = http;
        String url = properties.geocoderUrl().trim();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.userAgent = properties.geocoderUserAgent().isBlank()
                ? "SunDispatch/" + version + (properties.geocoderContact().isBlank() ? ""
                        : " (" + properties.geocoderContact().trim() + ")")
                : properties.geocoderUserAgent().trim();
        this.timeout = properties.geocoderTimeout();
        double perSecond = properties.geocoderRequestsPerSecond();
        long tokens = Math.max(1, (long) Math.floor(perSecond));
        Duration period = Duration.ofNanos((long) (tokens * 1_000_000_000L / perSecond));
        this.budget = Bucket.builder().addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, period)).build();
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.cacheTtl().isZero() ? Duration.ofNanos(1) : properties.cacheTtl())
                .build();
    }

    String userAgent() {
        return userAgent;
    }

    /** Structured search for one address. */
    Answer locate(AddressQuery query, String language) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("limit", "1");
        params.put("countrycodes", lower(query.country()));
        if (!blank(query.addressLine())) {
            params.put("street", query.addressLine().trim());
        }
        if (!blank(query.city())) {
            params.put("city", query.city().trim());
        }
        if (!blank(query.postalCode())) {
            params.put("postalcode", query.postalCode().trim());
        }
        return ask("/search", params, language);
    }

    /** Free-form search for suggestions as someone types. */
    Answer suggest(String text, String country, int limit, String language) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("limit", Integer.toString(limit));
        if (country != null) {
            params.put("countrycodes", lower(country));
        }
        params.put("q", text.trim());
        return ask("/search", params, language);
    }

    /** The area around a point: asked at town level (zoom 12), so the answer never names a street. */
    Answer reverse(double latitude, double longitude, String language) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("zoom", "12");
        params.put("lat", String.format(Locale.ROOT, "%.5f", latitude));
        params.put("lon", String.format(Locale.ROOT, "%.5f", longitude));
        return ask("/reverse", params, language);
    }

    private Answer ask(String path, Map<String, String> params, String language) {
        StringBuilder url = new StringBuilder(baseUrl).append(path).append("?format=jsonv2&addressdetails=1");
        params.forEach((k, v) -> url.append('&').append(k).append('=').append(URLEncoder.encode(v,
                StandardCharsets.UTF_8)));
        String lang = language == null || language.isBlank() ? "en" : language;
        String key = lang + " " + url;
        List<Place> cached = cache.getIfPresent(key);
        if (cached != null) {
            return new Answer(true, cached);
        }
        if (!budget.tryConsume(1)) {
            log.debug("Geocoder budget spent: the gazetteer answers");
            return Answer.unavailable();
        }
        try {
            Map<String, String> headers = Map.of("User-Agent", userAgent, "Accept-Language", lang,
                    "Accept", "application/json");
            OutboundHttp.Response response = http.get(url.toString(), headers, timeout);
            if (response.status() >= 300 && response.status() < 400 && response.header("Location") != null) {
                // Followed once; the guard vets the new URL like any other, so an internal target is refused.
                String next = URI.create(url.toString()).resolve(response.header("Location").trim()).toString();
                response = http.get(next, headers, timeout);
            }
            if (response.status() != 200) {
                log.warn("Geocoder answered {}: the gazetteer answers", response.status());
                return Answer.unavailable();
            }
            if (response.body().length > MAX_ANSWER_BYTES) {
                log.warn("Geocoder answer of {} bytes is too large: the gazetteer answers", response.body().length);
                return Answer.unavailable();
            }
            List<Place> places = parse(response.body(), path.equals("/reverse"));
            cache.put(key, places);
            return new Answer(true, places);
        } catch (UnsafeUrlException e) {
            log.warn("Geocoder URL or its redirect refused by the guard ({}): the gazetteer answers", e.rule());
            return Answer.unavailable();
        } catch (OutboundHttp.Failure e) {
            log.warn("Geocoder call failed ({}): the gazetteer answers", e.getMessage());
            return Answer.unavailable();
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Geocoder answer unusable ({}): the gazetteer answers", e.getClass().getSimpleName());
            return Answer.unavailable();
        }
    }

    /** A jsonv2 array (search) or one object (reverse; {"error": ...} means nothing there). */
    static List<Place> parse(byte[] body, boolean reverse) {
        JsonNode root = JSON.readTree(body);
        List<JsonNode> items = new ArrayList<>();
        if (reverse && root.isObject()) {
            if (root.has("error")) {
                return List.of();
            }
            items.add(root);
        } else if (!reverse && root.isArray()) {
            root.forEach(items::add);
        } else {
            throw new IllegalArgumentException("unexpected JSON shape");
        }
        List<Place> places = new ArrayList<>();
        for (JsonNode item : items) {
            place(item, reverse).ifPresent(places::add);
        }
        return List.copyOf(places);
    }

    private static Optional<Place> place(JsonNode item, boolean coarse) {
        double lat = Double.parseDouble(text(item, "lat"));
        double lon = Double.parseDouble(text(item, "lon"));
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw new IllegalArgumentException("coordinates out of range");
        }
        JsonNode a = item.path("address");
        String road = text(a, "road");
        String number = text(a, "house_number");
        String postcode = text(a, "postcode");
        String city = first(text(a, "city"), text(a, "town"), text(a, "village"), text(a, "municipality"),
                text(a, "hamlet"));
        String region = text(a, "state");
        String country = text(a, "country_code").toUpperCase(Locale.ROOT);
        if (country.length() != 2) {
            return Optional.empty();
        }
        String addressLine = coarse || road.isEmpty() ? "" : (road + (number.isEmpty() ? "" : " " + number));
        Precision precision = !addressLine.isEmpty() && !number.isEmpty() ? Precision.ADDRESS
                : !postcode.isEmpty() ? Precision.POSTAL_CODE : Precision.CITY;
        if (precision != Precision.ADDRESS) {
            addressLine = "";
        }
        String area = (postcode + " " + city).trim();
        String label = (addressLine.isEmpty() ? "" : addressLine + ", ") + (area.isEmpty() ? region : area) + ", "
                + country;
        return Optional.of(new Place(label, addressLine, postcode, city, region, country, lat, lon, precision));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() || v.isNumber() ? v.asString().trim() : "";
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String lower(String country) {
        return country == null ? "" : country.trim().toLowerCase(Locale.ROOT);
    }
}
