package com.sundispatch.dispatch.internal;

/** Great-circle distances and the latitude/longitude box that surely contains a circle. */
final class Geo {

    static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE_LAT = 111.32;

    record Box(double minLat, double maxLat, double minLon, double maxLon) {
    }

    private Geo() {
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * A box around the point that contains every point within {@code radiusKm}. Near the poles the longitude
     * range opens to the whole circle; across the antimeridian it is widened to the whole circle too (rare,
     * still correct, only less selective).
     */
    static Box boundingBox(double lat, double lon, double radiusKm) {
        double dLat = radiusKm / KM_PER_DEGREE_LAT;
        double minLat = Math.max(-90, lat - dLat);
        double maxLat = Math.min(90, lat + dLat);
        double cos = Math.cos(Math.toRadians(Math.max(Math.abs(minLat), Math.abs(maxLat))));
        if (cos < 1e-6 || maxLat >= 90 || minLat <= -90) {
            return new Box(minLat, maxLat, -180, 180);
        }
        double dLon = radiusKm / (KM_PER_DEGREE_LAT * cos);
        if (lon - dLon < -180 || lon + dLon > 180) {
            return new Box(minLat, maxLat, -180, 180);
        }
        return new Box(minLat, maxLat, lon - dLon, lon + dLon);
    }
}
