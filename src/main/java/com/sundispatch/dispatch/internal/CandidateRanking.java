package com.sundispatch.dispatch.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.sundispatch.places.Locations;
import com.sundispatch.places.Point;

/**
 * Who gets the offers of a round: installers within both the round's radius and their own service radius,
 * free for the whole window, not yet asked; nearest first, then the better rated; at most K.
 */
final class CandidateRanking {

    record Candidate(String installerId, double latitude, double longitude, double serviceRadiusKm,
            double rating) {
    }

    /**
     * A chosen installer. {@code distanceKm} is the real distance (it ranks); {@code shownDistanceKm} is what the
     * installer is told before accepting: from their base to the centre of the home's ~1 km grid cell, so the
     * distance and the coarse point together cannot narrow the home below the cell (the real distance, rounded,
     * would draw a ring around the installer's own base through the cell).
     */
    record Ranked(String installerId, double distanceKm, double shownDistanceKm) {
    }

    private CandidateRanking() {
    }

    static List<Ranked> rank(List<Candidate> candidates, double lat, double lon, double radiusKm, Set<String> excluded,
            int k) {
        Point cell = Locations.coarse(lat, lon);
        return candidates.stream()
                .filter(c -> !excluded.contains(c.installerId()))
                .map(c -> new Object[] { c, Geo.distanceKm(lat, lon, c.latitude(), c.longitude()) })
                .filter(x -> (double) x[1] <= radiusKm && (double) x[1] <= ((Candidate) x[0]).serviceRadiusKm())
                .sorted(Comparator.<Object[]>comparingDouble(x -> (double) x[1])
                        .thenComparing(x -> -((Candidate) x[0]).rating())
                        .thenComparing(x -> ((Candidate) x[0]).installerId()))
                .limit(k)
                .map(x -> {
                    Candidate c = (Candidate) x[0];
                    return new Ranked(c.installerId(), Math.round((double) x[1] * 10) / 10.0,
                            Locations.distanceKm(cell.latitude(), cell.longitude(), c.latitude(), c.longitude()));
                })
                .toList();
    }

    /** Round 0 searches the initial radius; each next round doubles it, capped at the maximum. */
    static double radiusFor(int round, double initialKm, double maxKm) {
        double r = initialKm * Math.pow(2, round);
        return Math.min(r, maxKm);
    }

    /** The last round is the first whose radius reaches the maximum. */
    static int lastRound(double initialKm, double maxKm) {
        int round = 0;
        while (radiusFor(round, initialKm, maxKm) < maxKm) {
            round++;
        }
        return round;
    }
}
