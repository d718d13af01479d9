package com.sundispatch.places.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.places.Place;
import com.sundispatch.places.Places;
import com.sundispatch.places.Suggestions;
import com.sundispatch.places.internal.MapSettings;
import com.sundispatch.shared.ApiException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * Public place endpoints: suggestions as someone types, the postal area around a point ("use my location"),
 * and the map's settings. Rate-limited per client address by the security module's places bucket; nothing
 * about the caller's location is stored (the request log records the path only, never the query).
 */
@RestController
@Tag(name = "Places")
class PlacesController {

    static final String PLACE_NOT_FOUND = "place_not_found";
    private static final int DEFAULT_LIMIT = 6;
    static final Duration MAX_AGE = Duration.ofHours(1);
    static final Duration FALLBACK_MAX_AGE = Duration.ofSeconds(60);

    private final Places places;
    private final MapSettings map;

    PlacesController(Places places, MapSettings map) {
        this.places = places;
        this.map = map;
    }

    /** Suggestions, best first. Same question, same answer for an hour (a fallback: a minute): caches may keep it. */
    @GetMapping("/api/v1/places/search")
    @Operation(summary = "Address suggestions for q, best first (limit 1-10, optional country); cacheable for an hour")
    ResponseEntity<List<Place>> search(@Parameter(required = true) @RequestParam(required = false) String q,
            @RequestParam(required = false) String country, @RequestParam(required = false) Integer limit) {
        String text = q == null ? "" : q.trim();
        if (text.isEmpty() || text.length() > 100) {
            throw ApiException.validation("q", "must be 1 to 100 characters");
        }
        String c = null;
        if (country != null && !country.isBlank()) {
            c = country.trim().toUpperCase(Locale.ROOT);
            if (!c.matches("[A-Z]{2}")) {
                throw ApiException.validation("country", "must be an ISO 3166-1 alpha-2 code");
            }
        }
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > 10) {
            throw ApiException.validation("limit", "must be between 1 and 10");
        }
        // The online geocoder answers in the caller's language, so caches keep one answer per language. A
        // fallback (the geocoder's budget spent or the geocoder failing) is kept a minute only: it may improve.
        Suggestions found = places.suggest(text, c, n);
        Duration maxAge = found.fallback() ? FALLBACK_MAX_AGE : MAX_AGE;
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(maxAge).cachePublic())
                .varyBy("Accept-Language").body(found.places());
    }

    /** The postal area (or town) around a point, with the area's own point: never the caller's. */
    @GetMapping("/api/v1/places/reverse")
    @Operation(summary = "The postal area or town around a point (lat, lon), with the area's own point")
    @ApiResponse(responseCode = "200", description = "The place around the point",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Place.class)))
    @ApiResponse(responseCode = "404", description = "No known place near the point (code place_not_found)",
            ref = "#/components/responses/NotFound")
    Place reverse(@Parameter(required = true) @RequestParam(required = false) Double lat,
            @Parameter(required = true) @RequestParam(required = false) Double lon) {
        if (lat == null || !Double.isFinite(lat) || Math.abs(lat) > 90) {
            throw ApiException.validation("lat", "must be a latitude between -90 and 90");
        }
        if (lon == null || !Double.isFinite(lon) || Math.abs(lon) > 180) {
            throw ApiException.validation("lon", "must be a longitude between -180 and 180");
        }
        return places.reverse(lat, lon).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, PLACE_NOT_FOUND,
                "There is no known place near this point."));
    }

    /** The map's base layer and the attributions the map must show. */
    @GetMapping("/api/v1/public/map")
    @Operation(summary = "The map's tile layer and the attributions every map must show")
    MapSettings.View map() {
        return map.view();
    }
}
