/**
 * Places, not coordinates: address suggestions, geocoding (an offline gazetteer of GeoNames places and
 * postal codes shipped with the server, and an optional Nominatim-compatible service called only through the
 * SSRF-guarded client), coarse reverse geocoding, and the location rules every other module uses: pin
 * corrections stay within a few km of the geocoded point, and before acceptance an installer sees only a point
 * snapped to a ~1 km grid and a distance rounded to the km.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Places", allowedDependencies = { "security",
        "shared" })
package com.sundispatch.places;
