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
import java.util.Set;
import java.util.regex.Pattern;

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
 * caller's language (English or German only), keeps to two request budgets (a reserved one for placing
 * addresses, a smaller one for what anonymous callers trigger: when the one asked for is spent the caller gets
 * {@link Answer#unavailable()} at once, never a wait) and caches answers. A timeout, 5xx, a body that is not
 * the expected JSON, an oversized answer or a refused redirect is also {@code unavailable()}, logged without
 * the address, so the gazetteer answers instead. A redirect is followed once, only to the configured service's
 * own origin and only after the guard vetted its Location. An answer is checked like user input: at most the
 * places asked for, no control characters, fields of at most {@value #MAX_FIELD} characters.
 */
final class NominatimGeocoder {

    /** What the service said: {@code answered} false when it could not be asked or gave no usable answer. */
    record Answer(boolean answered, List<Place> places) {

        static Answer unavailable() {
            return new Answer(false, List.of());
        }
    }

    /** Which request budget a call spends. */
    enum Budget {
        /** Placing the address of an order, installer application or service area. */
        RESERVED,
        /** Suggestions, reverse lookups and area-only lookups: what anonymous callers can trigger. */
        INTERACTIVE
    }

    /** Our own cap on an answer, below the client's 1 MiB: a geocoder answer is a few KiB. */
    static final int MAX_ANSWER_BYTES = 256 * 1024;
    /** Longest text kept from an answer (a name, a street, a label); longer is cut. */
    static final int MAX_FIELD = 200;
    /** The languages asked for; anything else asks in English, so a caller cannot mint cache keys. */
    static final Set<String> LANGUAGES = Set.of("en", "de");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Logger log = LoggerFactory.getLogger(NominatimGeocoder.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutboundHttp http;
    private final String baseUrl;
    private final String userAgent;
    private final Duration timeout;
    private final URI origin;
    private final Bucket reserved;
    private final Bucket interactive;
    private final Cache<String, List<Place>> cache;

    NominatimGeocoder(OutboundHttp http, PlacesProperties properties, String version) {
        this.http = http;
        String url = properties.geocoderUrl().trim();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.userAgent = properties.geocoderUserAgent().isBlank()
                ? "SunDispatch/" + version + (properties.geocoderContact().isBlank() ? ""
                        : " (" + properties.geocoderContact().trim() + ")")
                : properties.geocoderUserAgent().trim();
        this.origin = URI.create(baseUrl);
        this.timeout = properties.geocoderTimeout();
        this.reserved = bucket(properties.geocoderRequestsPerSecond());
        this.interactive = bucket(properties.geocoderInteractiveRequestsPerSecond());
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.cacheTtl().isZero() ? Duration.ofNanos(1) : properties.cacheTtl())
                .build();
    }

    /** A budget of this many a second; below one a second, one request every 1/rate seconds. */
    private static Bucket bucket(double perSecond) {
        long tokens = Math.max(1, (long) Math.floor(perSecond));
        Duration period = Duration.ofNanos((long) (tokens * 1_000_000_000L / perSecond));
        return Bucket.builder().addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, period)).build();
    }

    String userAgent() {
        return userAgent;
    }

    /** The language to ask in: the primary subtag when it is one of {@link #LANGUAGES}, else English. */
    static String language(String tag) {
        if (tag == null) {
            return "en";
        }
        int dash = tag.indexOf('-');
        String primary = (dash < 0 ? tag : tag.substring(0, dash)).trim().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(primary) ? primary : "en";
    }

    /** Structured search for one address, from the reserved budget. */
    Answer locate(AddressQuery query, String language) {
        return locate(query, language, Budget.RESERVED);
    }

    /** Structured search for one address. */
    Answer locate(AddressQuery query, String language, Budget budget) {
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
        return ask("/search", params, language, 1, budget);
    }

    /** Free-form search for suggestions as someone types (interactive budget). */
    Answer suggest(String text, String country, int limit, String language) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("limit", Integer.toString(limit));
        if (country != null) {
            params.put("countrycodes", lower(country));
        }
        params.put("q", text.trim());
        return ask("/search", params, language, limit, Budget.INTERACTIVE);
    }

    /**
     * The area around a point (interactive budget): asked at town level (zoom 12), so the answer never names a
     * street. Callers pass a point already snapped to the coarse grid: the service and the cache never see more.
     */
    Answer reverse(double latitude, double longitude, String language) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("zoom", "12");
        params.put("lat", String.format(Locale.ROOT, "%.5f", latitude));
        params.put("lon", String.format(Locale.ROOT, "%.5f", longitude));
        return ask("/reverse", params, language, 1, Budget.INTERACTIVE);
    }

    private Answer ask(String path, Map<String, String> params, String language, int limit, Budget budget) {
        StringBuilder url = new StringBuilder(baseUrl).append(path).append("?format=jsonv2&addressdetails=1");
        params.forEach((k, v) -> url.append('&').append(k).append('=').append(URLEncoder.encode(v,
                StandardCharsets.UTF_8)));
        String lang = language(language);
        String key = lang + " " + url;
        List<Place> cached = cache.getIfPresent(key);
        if (cached != null) {
            return new Answer(true, cached);
        }
        if (!(budget == Budget.RESERVED ? reserved : interactive).tryConsume(1)) {
            log.debug("Geocoder {} budget spent: the gazetteer answers", budget);
            return Answer.unavailable();
        }
        try {
            Map<String, String> headers = Map.of("User-Agent", userAgent, "Accept-Language", lang,
                    "Accept", "application/json");
            OutboundHttp.Response response = http.get(url.toString(), headers, timeout);
            if (response.status() >= 300 && response.status() < 400 && response.header("Location") != null) {
                // Followed once, only within the configured service's origin (another host's answer would be
                // trusted and cached); the guard vets the new URL like any other, so an internal target is refused.
                URI next = URI.create(url.toString()).resolve(response.header("Location").trim());
                if (!sameOrigin(next)) {
                    log.warn("Geocoder redirected to another origin: refused, the gazetteer answers");
                    return Answer.unavailable();
                }
                response = http.get(next.toString(), headers, timeout);
            }
            if (response.status() != 200) {
                log.warn("Geocoder answered {}: the gazetteer answers", response.status());
                return Answer.unavailable();
            }
            if (response.body().length > MAX_ANSWER_BYTES) {
                log.warn("Geocoder answer of {} bytes is too large: the gazetteer answers", response.body().length);
                return Answer.unavailable();
            }
            List<Place> places = parse(response.body(), path.equals("/reverse"), limit);
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

    private boolean sameOrigin(URI next) {
        return next.getScheme() != null && next.getScheme().equalsIgnoreCase(origin.getScheme())
                && next.getHost() != null && next.getHost().equalsIgnoreCase(origin.getHost())
                && port(next) == port(origin);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * A jsonv2 array (search) or one object (reverse; {"error": ...} means nothing there): at most {@code limit}
     * places, items with control characters dropped, fields cut to {@link #MAX_FIELD} characters.
     */
    static List<Place> parse(byte[] body, boolean reverse, int limit) {
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
            if (places.size() >= limit) {
                break;
            }
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
        if (!country.matches("[A-Z]{2}")) {
            return Optional.empty();
        }
        for (String field : List.of(road, number, postcode, city, region)) {
            if (CONTROL.matcher(field).find()) {
                return Optional.empty();
            }
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
        return Optional.of(new Place(cap(label), cap(addressLine), cap(postcode), cap(city), cap(region), country,
                lat, lon, precision));
    }

    /** At most {@link #MAX_FIELD} characters, never splitting a surrogate pair. */
    static String cap(String s) {
        if (s.length() <= MAX_FIELD) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_FIELD - 1)) ? MAX_FIELD - 1 : MAX_FIELD;
        return s.substring(0, end).trim();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() || v.isNumber() ? cap(v.asString().trim()) : "";
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
