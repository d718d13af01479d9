package com.sundispatch.places.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Nullable;

import org.springframework.stereotype.Component;

/** What the web client needs to draw a map: the tile source (or none), zoom and every required attribution. */
@Component
public class MapSettings {

    /** The data the gazetteer is built from, as its licences ask to be credited. */
    public static final List<String> DATA_ATTRIBUTIONS = List.of(
            "Places: GeoNames (geonames.org), CC BY 4.0",
            "German postal codes: © OpenStreetMap contributors, ODbL",
            "Austrian postal codes: Austrian Post, via plz-ort (MIT)");

    /** The JSON of GET /api/v1/public/map. */
    @Schema(name = "MapSettings")
    public record View(@Nullable String tileUrl, @Nullable String tileAttribution, int maxZoom,
            List<String> attributions) {
    }

    private final View view;

    MapSettings(MapProperties properties) {
        List<String> attributions = new ArrayList<>();
        String tileUrl = properties.tileUrl().isBlank() ? null : properties.tileUrl();
        String tileAttribution = properties.tileAttribution().isBlank() ? null : properties.tileAttribution().trim();
        if (tileUrl != null && tileAttribution != null) {
            attributions.add(tileAttribution);
        }
        attributions.addAll(DATA_ATTRIBUTIONS);
        this.view = new View(tileUrl, tileAttribution, properties.maxZoom(), List.copyOf(attributions));
    }

    public View view() {
        return view;
    }
}
