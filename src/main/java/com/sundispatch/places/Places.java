package com.sundispatch.places;

import java.util.Optional;

/** The module's port: every other module turns addresses into points only through this. */
public interface Places {

    /**
     * Places an address: the online geocoder when one is configured and answers, otherwise the gazetteer (to the
     * postal code or town). An address with a street line spends the geocoder budget reserved for this; an area
     * alone (postal code and town, as quotes send) is placed by the gazetteer first and goes online only when it
     * cannot, from the interactive budget. Throws {@link AddressNotFoundException} (400
     * {@code address_not_found}, with suggestions) when neither can place it; never guesses a point for an
     * address it does not know.
     */
    Place locate(AddressQuery query);

    /**
     * Where to put the point: the geocoded one, or the customer's map-pin correction when one was sent. A pin
     * farther than the configured limit (a few km) from the geocoded point is a 400 {@code pin_too_far}.
     * Either both or neither of the pin's coordinates must be given.
     */
    Point pinned(Place located, Double pinLatitude, Double pinLongitude);

    /**
     * Suggestions as someone types (postal code, town, prefix, street address), best first; never more than
     * {@code limit}. Postal codes and towns come from the gazetteer; only text that looks like a street address
     * (or a country the gazetteer does not cover) asks the online geocoder, from its small interactive budget.
     */
    Suggestions suggest(String text, String country, int limit);

    /** The postal area around a point (never a street), or empty outside the covered countries. */
    Optional<Place> reverse(double latitude, double longitude);
}
