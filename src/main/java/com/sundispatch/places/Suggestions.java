package com.sundispatch.places;

import java.util.List;

/**
 * Suggestions, best first. {@code fallback} is true when the offline gazetteer answered only because the online
 * geocoder could not be asked (its budget was spent, it failed): such an answer may be better a minute later, so
 * it must not be cached for long.
 */
public record Suggestions(List<Place> places, boolean fallback) {

    public Suggestions {
        places = List.copyOf(places);
    }
}
