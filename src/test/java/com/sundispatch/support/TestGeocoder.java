package com.sundispatch.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A Nominatim-compatible geocoder on loopback, started once per test JVM: {@code GET /search} (structured
 * {@code street}, {@code city}, {@code postalcode}, {@code countrycodes}, or free-form {@code q}) and
 * {@code GET /reverse} in the {@code jsonv2} format with {@code addressdetails}. It knows only the addresses a
 * test registered with {@link #place}; anything else answers {@code []} (reverse: {@code {"error":...}}) as
 * Nominatim does. Tests can make the next answers fail (slow, garbage, 500, a redirect).
 */
public final class TestGeocoder {

    /** How the next answers fail. */
    public enum Mode {
        /** Answers after 8 s: longer than any timeout the adapter may use. */
        SLOW,
        /** 200 with a body that is not JSON. */
        GARBAGE,
        /** 500 Internal Server Error. */
        ERROR,
        /** 302 to the URL given to {@link #redirectTo}. */
        REDIRECT
    }

    /** A registered address and its point. */
    public record Entry(String addressLine, String postalCode, String city, String country, double latitude,
            double longitude) {
    }

    /** One request the geocoder received: path and decoded query parameters, and the request headers it saw. */
    public record Request(String path, Map<String, String> query, Map<String, String> headers) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HOUSE_NUMBER = Pattern.compile("^(.*\\S)\\s+(\\d+[A-Za-z]?)$");
    private static final ConcurrentLinkedQueue<Entry> ENTRIES = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Request> REQUESTS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static volatile Mode failureMode = Mode.ERROR;
    private static volatile String redirectLocation = "http://127.0.0.1/";
    private static HttpServer server;

    private TestGeocoder() {
    }

    /** The port, starting the server on first use. */
    public static synchronized int port() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test geocoder", e);
            }
            server.createContext("/", TestGeocoder::handle);
            server.setExecutor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "test-geocoder");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }
        return server.getAddress().getPort();
    }

    /** The base URL, on the name the tests' DNS maps to loopback and the test profile allows over http. */
    public static String url() {
        return "http://receiver.test:" + port();
    }

    /** Registers an address: {@code /search} finds it, {@code /reverse} answers it for points within 2 km. */
    public static Entry place(String addressLine, String postalCode, String city, String country, double latitude,
            double longitude) {
        port();
        Entry e = new Entry(addressLine, postalCode, city, country.toUpperCase(Locale.ROOT), latitude, longitude);
        ENTRIES.add(e);
        return e;
    }

    /** The next {@code n} requests fail in this mode (then the geocoder answers normally again). */
    public static void failNext(int n, Mode mode) {
        failureMode = mode;
        FAILURES_LEFT.set(n);
    }

    /** Where {@link Mode#REDIRECT} failures point. */
    public static void redirectTo(String location) {
        redirectLocation = location;
    }

    public static int requests() {
        return REQUESTS.size();
    }

    /** Every request received so far, oldest first. */
    public static List<Request> received() {
        return List.copyOf(REQUESTS);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String path = exchange.getRequestURI().getPath();
            REQUESTS.add(new Request(path, query, headers));
            if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                fail(exchange);
                return;
            }
            Object body;
            if (path.endsWith("/search")) {
                body = search(query).stream().map(TestGeocoder::json).toList();
            } else if (path.endsWith("/reverse")) {
                Entry nearest = reverse(query);
                body = nearest == null ? Map.of("error", "Unable to geocode") : json(nearest);
            } else {
                send(exchange, 404, "application/json", "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
        }
    }

    private static void fail(HttpExchange exchange) throws IOException {
        switch (failureMode) {
            case SLOW -> {
                try {
                    Thread.sleep(8_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 200, "application/json", "[]".getBytes(StandardCharsets.UTF_8));
            }
            case GARBAGE -> send(exchange, 200, "application/json", "<html>{[not json".getBytes(StandardCharsets.UTF_8));
            case ERROR -> send(exchange, 500, "text/plain", "internal error".getBytes(StandardCharsets.UTF_8));
            case REDIRECT -> {
                exchange.getResponseHeaders().set("Location", redirectLocation);
                send(exchange, 302, "text/plain", new byte[0]);
            }
        }
    }

    private static List<Entry> search(Map<String, String> q) {
        String countries = q.getOrDefault("countrycodes", "").toUpperCase(Locale.ROOT);
        int limit = parseLimit(q.get("limit"));
        List<Entry> found = new ArrayList<>();
        for (Entry e : ENTRIES) {
            if (!countries.isBlank() && !List.of(countries.split(",")).contains(e.country())) {
                continue;
            }
            boolean match;
            if (q.containsKey("q")) {
                String haystack = fold(e.addressLine() + " " + e.postalCode() + " " + e.city() + " " + e.country());
                match = !q.get("q").isBlank();
                for (String token : fold(q.get("q")).split("[\\s,]+")) {
                    match &= token.isEmpty() || haystack.contains(token);
                }
            } else {
                match = agrees(q.get("street"), e.addressLine()) && agrees(q.get("postalcode"), e.postalCode())
                        && agrees(q.get("city"), e.city())
                        && (q.containsKey("street") || q.containsKey("postalcode") || q.containsKey("city"));
            }
            if (match && found.size() < limit) {
                found.add(e);
            }
        }
        return found;
    }

    private static Entry reverse(Map<String, String> q) {
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(q.getOrDefault("lat", ""));
            lon = Double.parseDouble(q.getOrDefault("lon", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        Entry best = null;
        double bestKm = 2.0;
        for (Entry e : ENTRIES) {
            double km = km(lat, lon, e.latitude(), e.longitude());
            if (km <= bestKm) {
                best = e;
                bestKm = km;
            }
        }
        return best;
    }

    private static Map<String, Object> json(Entry e) {
        Map<String, Object> address = new HashMap<>();
        Matcher m = HOUSE_NUMBER.matcher(e.addressLine());
        if (m.matches()) {
            address.put("road", m.group(1));
            address.put("house_number", m.group(2));
        } else if (!e.addressLine().isBlank()) {
            address.put("road", e.addressLine());
        }
        address.put("postcode", e.postalCode());
        address.put("city", e.city());
        address.put("state", "Teststaat");
        address.put("country", e.country());
        address.put("country_code", e.country().toLowerCase(Locale.ROOT));
        Map<String, Object> place = new HashMap<>();
        place.put("place_id", Math.abs((long) e.hashCode()));
        place.put("lat", Double.toString(e.latitude()));
        place.put("lon", Double.toString(e.longitude()));
        place.put("display_name", e.addressLine() + ", " + e.postalCode() + " " + e.city() + ", " + e.country());
        place.put("category", "building");
        place.put("type", "house");
        place.put("address", address);
        return place;
    }

    private static boolean agrees(String asked, String known) {
        return asked == null || asked.isBlank() || fold(asked).equals(fold(known));
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).trim();
    }

    private static int parseLimit(String s) {
        try {
            return s == null ? 10 : Math.max(1, Math.min(50, Integer.parseInt(s)));
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
