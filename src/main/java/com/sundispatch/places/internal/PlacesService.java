package com.sundispatch.places.internal;

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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import com.sundispatch.places.AddressNotFoundException;
import com.sundispatch.places.AddressQuery;
import com.sundispatch.places.Locations;
import com.sundispatch.places.Place;
import com.sundispatch.places.Places;
import com.sundispatch.places.Point;
import com.sundispatch.places.Precision;
import com.sundispatch.places.Suggestions;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.UnsafeUrlException;
import com.sundispatch.shared.ApiException;

/**
 * Places addresses: the online geocoder when one is configured and answers, else the offline gazetteer, which
 * places a postal code only when it exists and agrees with the town typed, and a town only when its name is
 * unique in the country. Nothing placed is a 400 {@code address_not_found} with the gazetteer's suggestions.
 */
@Service
class PlacesService implements Places {

    /** The countries the offline gazetteer covers; the online geocoder may know more. */
    static final Set<String> COVERED = Set.of("DE", "AT", "CH");
    static final String PIN_TOO_FAR = "pin_too_far";
    private static final int SUGGESTIONS = 6;
    /** A house number: one to three digits, perhaps with a letter ("5", "12a"); four or five are postal codes. */
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d{1,3}[a-z]?");
    /** How German street names end (folded): Straße, Str., Weg, Gasse, Platz, Allee, Damm, Ufer, Chaussee... */
    private static final Pattern STREET_WORD = Pattern.compile(
            "\\p{L}*(strasse|str|weg|gasse|platz|allee|damm|ufer|chaussee|ring|steig|pfad|promenade)");
    private static final Logger log = LoggerFactory.getLogger(PlacesService.class);

    private final GazetteerHolder gazetteer;
    private final PlacesProperties properties;
    private final NominatimGeocoder online;

    PlacesService(GazetteerHolder gazetteer, PlacesProperties properties, OutboundHttp http) {
        this.gazetteer = gazetteer;
        this.properties = properties;
        String version = PlacesService.class.getPackage().getImplementationVersion();
        this.online = properties.online()
                ? new NominatimGeocoder(http, properties, version == null ? "dev" : version) : null;
        if (online != null) {
            try {
                http.check(properties.geocoderUrl().trim());
            } catch (UnsafeUrlException e) {
                // Not fatal (its DNS may simply be down now), but every lookup will use the gazetteer until fixed.
                log.warn("sundispatch.places.geocoder-url is refused by the outbound guard ({}): the gazetteer "
                        + "answers instead", e.rule());
            }
        }
    }

    @Override
    public Place locate(AddressQuery query) {
        String country = country(query.country());
        String code = trim(query.postalCode());
        String city = trim(query.city());
        if (country == null || (code.isEmpty() && city.isEmpty())) {
            throw new AddressNotFoundException(List.of());
        }
        String line = trim(query.addressLine());
        Gazetteer g = gazetteer.get();
        if (line.isEmpty()) {
            // An area alone: the gazetteer places it as well as the service would, and anonymous quotes send
            // exactly this, so it never spends the budget reserved for orders.
            Optional<Place> offline = g.place(code, city, country);
            if (offline.isPresent()) {
                return offline.get();
            }
            return online(new AddressQuery(line, code, city, country), NominatimGeocoder.Budget.INTERACTIVE)
                    .orElseThrow(() -> new AddressNotFoundException(suggestionsFor(g, code, city, country)));
        }
        return online(new AddressQuery(line, code, city, country), NominatimGeocoder.Budget.RESERVED)
                .or(() -> g.place(code, city, country))
                .orElseThrow(() -> new AddressNotFoundException(suggestionsFor(g, code, city, country)));
    }

    /** The online answer in the typed country whose postal code, if any, is the typed one. */
    private Optional<Place> online(AddressQuery query, NominatimGeocoder.Budget budget) {
        if (online == null) {
            return Optional.empty();
        }
        NominatimGeocoder.Answer answer = online.locate(query, language(), budget);
        String code = query.postalCode();
        return answer.places().stream()
                .filter(p -> p.country().equals(query.country()))
                .filter(p -> code.isEmpty() || p.postalCode().isEmpty() || p.postalCode().equals(code))
                .findFirst();
    }

    /** What the person may have meant: the postal code (or its area) and the town typed, each searched alone. */
    private static List<Place> suggestionsFor(Gazetteer g, String code, String city, String country) {
        Map<String, Place> found = new LinkedHashMap<>();
        if (!code.isEmpty() && !city.isEmpty()) {
            g.search(code + " " + city, country, SUGGESTIONS).forEach(p -> found.putIfAbsent(p.label(), p));
        }
        if (!city.isEmpty()) {
            g.search(city, country, SUGGESTIONS).forEach(p -> found.putIfAbsent(p.label(), p));
        }
        if (!code.isEmpty()) {
            List<Place> byCode = g.search(code, country, SUGGESTIONS);
            if (byCode.isEmpty() && code.length() > 3) {
                byCode = g.search(code.substring(0, 3), country, SUGGESTIONS);
            }
            byCode.forEach(p -> found.putIfAbsent(p.label(), p));
        }
        return new ArrayList<>(found.values()).subList(0, Math.min(SUGGESTIONS, found.size()));
    }

    @Override
    public Point pinned(Place located, Double pinLatitude, Double pinLongitude) {
        if (pinLatitude == null && pinLongitude == null) {
            return located.point();
        }
        if (pinLatitude == null || pinLongitude == null) {
            throw ApiException.validation(pinLatitude == null ? "latitude" : "longitude",
                    "must be sent together with " + (pinLatitude == null ? "longitude" : "latitude"));
        }
        if (!Double.isFinite(pinLatitude) || Math.abs(pinLatitude) > 90) {
            throw ApiException.validation("latitude", "must be between -90 and 90");
        }
        if (!Double.isFinite(pinLongitude) || Math.abs(pinLongitude) > 180) {
            throw ApiException.validation("longitude", "must be between -180 and 180");
        }
        double km = Locations.distanceKm(located.latitude(), located.longitude(), pinLatitude, pinLongitude);
        if (km > properties.maxPinCorrectionKm()) {
            throw ApiException.badRequest(PIN_TOO_FAR, String.format(Locale.ROOT,
                    "The map pin is %.1f km from the address; it may be moved at most %s km.", km,
                    trimZero(properties.maxPinCorrectionKm())));
        }
        return new Point(pinLatitude, pinLongitude);
    }

    @Override
    public Suggestions suggest(String text, String country, int limit) {
        String c = country == null || country.isBlank() ? null : country(country);
        int n = Math.max(1, Math.min(10, limit));
        if (text == null || text.isBlank()) {
            return new Suggestions(List.of(), false);
        }
        Gazetteer g = gazetteer.get();
        List<Place> offline = g.search(text, c, n);
        // Postal codes and towns are the gazetteer's; only a street address (which it cannot answer) or a country
        // it does not cover is worth a request from the small interactive budget.
        boolean uncovered = c != null && !COVERED.contains(c);
        if (online == null || !(looksLikeStreetAddress(text, c, g, offline.isEmpty()) || uncovered)) {
            return new Suggestions(offline, false);
        }
        NominatimGeocoder.Answer answer = online.suggest(text, c, n, language());
        List<Place> places = answer.places().stream().filter(p -> c == null || p.country().equals(c)).limit(n)
                .toList();
        return places.isEmpty() ? new Suggestions(offline, !answer.answered()) : new Suggestions(places, false);
    }

    /**
     * A street and house number ("Hauptstraße 5", "Unter den Linden 1, Berlin"): a short number, possibly with a
     * letter, after words that are not a town's name ("Berlin 101" is a postal code being typed); or, when the
     * gazetteer knows nothing of the text, a word ending like a street ("Königsallee").
     */
    static boolean looksLikeStreetAddress(String text, String country, Gazetteer g, boolean unknownToGazetteer) {
        String[] words = Gazetteer.fold(text).split(" ");
        int start = 0;
        for (int i = 0; i < words.length; i++) {
            if (HOUSE_NUMBER.matcher(words[i]).matches() && i > start) {
                String before = String.join(" ", List.of(words).subList(start, i));
                boolean townThenCodePrefix = i == words.length - 1 && words[i].chars().allMatch(Character::isDigit)
                        && g.isTownName(before, country);
                if (!townThenCodePrefix) {
                    return true;
                }
            }
            // What precedes a number is the words since the previous number: "10117 Berlin 5" asks about "berlin".
            if (!words[i].isEmpty() && Character.isDigit(words[i].charAt(0))) {
                start = i + 1;
            }
        }
        return unknownToGazetteer && List.of(words).stream().anyMatch(w -> STREET_WORD.matcher(w).matches());
    }

    @Override
    public Optional<Place> reverse(double latitude, double longitude) {
        if (online != null) {
            // Only the ~1 km cell leaves the server (and the cache holds cells): the area needs no more.
            Point cell = Locations.coarse(latitude, longitude);
            NominatimGeocoder.Answer answer = online.reverse(cell.latitude(), cell.longitude(), language());
            if (!answer.places().isEmpty()) {
                return Optional.of(coarse(answer.places().get(0), gazetteer.get()));
            }
        }
        return gazetteer.get().reverse(latitude, longitude);
    }

    /**
     * An online reverse answer cut to the area: no street, and the postal area's own point from the gazetteer
     * (or the answer's point snapped to the ~1 km grid), whatever precise point the service sent.
     */
    private static Place coarse(Place p, Gazetteer g) {
        Precision precision = p.postalCode().isEmpty() ? Precision.CITY : Precision.POSTAL_CODE;
        String area = (p.postalCode() + " " + p.city()).trim();
        String label = (area.isEmpty() ? p.region() : area) + ", " + p.country();
        Point point = g.postalCode(p.postalCode(), p.country()).stream().findFirst()
                .map(e -> new Point(e.latitude(), e.longitude()))
                .orElseGet(() -> Locations.coarse(p.latitude(), p.longitude()));
        return new Place(label, "", p.postalCode(), p.city(), p.region(), p.country(), point.latitude(),
                point.longitude(), precision);
    }

    private static String country(String country) {
        if (country == null) {
            return null;
        }
        String c = country.trim().toUpperCase(Locale.ROOT);
        return c.matches("[A-Z]{2}") ? c : null;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    /** The caller's language reduced to the few the geocoder is asked in: never a header or key of their making. */
    private static String language() {
        Locale locale = LocaleContextHolder.getLocale();
        return NominatimGeocoder.language(locale == null ? null : locale.getLanguage());
    }

    private static String trimZero(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
