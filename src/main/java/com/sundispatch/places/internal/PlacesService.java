package com.sundispatch.places.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        if (online != null) {
            NominatimGeocoder.Answer answer = online.locate(
                    new AddressQuery(trim(query.addressLine()), code, city, country), language());
            Optional<Place> agreeing = answer.places().stream()
                    .filter(p -> p.country().equals(country))
                    .filter(p -> code.isEmpty() || p.postalCode().isEmpty() || p.postalCode().equals(code))
                    .findFirst();
            if (agreeing.isPresent()) {
                return agreeing.get();
            }
        }
        Gazetteer g = gazetteer.get();
        Optional<Place> offline = code.isEmpty() ? g.placeTown(city, country) : g.placePostalCode(code, city, country);
        return offline.orElseThrow(() -> new AddressNotFoundException(suggestionsFor(g, code, city, country)));
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
    public List<Place> suggest(String text, String country, int limit) {
        String c = country == null || country.isBlank() ? null : country(country);
        int n = Math.max(1, Math.min(10, limit));
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (online != null) {
            NominatimGeocoder.Answer answer = online.suggest(text, c, n, language());
            List<Place> places = answer.places().stream().filter(p -> c == null || p.country().equals(c)).limit(n)
                    .toList();
            if (!places.isEmpty()) {
                return places;
            }
        }
        return gazetteer.get().search(text, c, n);
    }

    @Override
    public Optional<Place> reverse(double latitude, double longitude) {
        if (online != null) {
            NominatimGeocoder.Answer answer = online.reverse(latitude, longitude, language());
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

    private static String language() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale == null ? "en" : locale.toLanguageTag();
    }

    private static String trimZero(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
