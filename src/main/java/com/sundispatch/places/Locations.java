package com.sundispatch.places;

import java.util.Locale;

/**
 * The location rules that are the same everywhere: great-circle distance, what an installer may see before
 * accepting (a point snapped to a ~1 km grid, a distance rounded to the km) and links that open a point in a
 * phone's map app.
 */
public final class Locations {

    static final double EARTH_RADIUS_KM = 6371.0088;
    /** Size of the coarse grid's cells, in km. */
    public static final double COARSE_CELL_KM = 1.0;
    private static final double KM_PER_DEGREE_LAT = 111.32;

    private Locations() {
    }

    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public static double distanceKm(Point a, Point b) {
        return distanceKm(a.latitude(), a.longitude(), b.latitude(), b.longitude());
    }

    /** A distance as an installer sees it before accepting: whole km, at least 1. */
    public static int roundedKm(double km) {
        return (int) Math.max(1, Math.round(km));
    }

    /**
     * The centre of the ~1 km grid cell the point lies in. Rows are 1 km of latitude; each row's cells are 1 km
     * of longitude at that row's centre, so every point of a cell maps to the same centre and the centre is at
     * most ~0.71 km from any point in it.
     */
    public static Point coarse(double latitude, double longitude) {
        double latStep = COARSE_CELL_KM / KM_PER_DEGREE_LAT;
        double row = Math.floor((latitude + 90) / latStep);
        double centreLat = Math.min(90, -90 + (row + 0.5) * latStep);
        double cos = Math.max(0.01, Math.cos(Math.toRadians(centreLat)));
        double lonStep = COARSE_CELL_KM / (KM_PER_DEGREE_LAT * cos);
        double col = Math.floor((longitude + 180) / lonStep);
        double centreLon = Math.min(180, -180 + (col + 0.5) * lonStep);
        return new Point(round(centreLat, 4), round(centreLon, 4));
    }

    /** An RFC 5870 {@code geo:} URI, which phones open in their map app. */
    public static String geoUri(double latitude, double longitude) {
        return String.format(Locale.ROOT, "geo:%.6f,%.6f", latitude, longitude);
    }

    /** An https map link for devices without a {@code geo:} handler. */
    public static String webMapUrl(double latitude, double longitude) {
        return String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=17/%.6f/%.6f",
                latitude, longitude, latitude, longitude);
    }

    private static double round(double value, int places) {
        double f = Math.pow(10, places);
        return Math.round(value * f) / f;
    }
}
