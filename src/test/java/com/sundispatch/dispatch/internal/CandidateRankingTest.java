package com.sundispatch.dispatch.internal;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.sundispatch.places.Locations;
import com.sundispatch.places.Point;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateRankingTest {

    private static final double LAT = 52.52;
    private static final double LON = 13.405;

    private static CandidateRanking.Candidate at(String id, double kmNorth, double serviceRadius, double rating) {
        return new CandidateRanking.Candidate(id, LAT + kmNorth / 111.2, LON, serviceRadius, rating);
    }

    @Test
    void nearestFirstThenBetterRatedAndAtMostK() {
        List<CandidateRanking.Ranked> r = CandidateRanking.rank(List.of(at("far", 20, 50, 5), at("near", 2, 50, 1),
                at("mid-good", 10, 50, 4.8), at("mid-poor", 10, 50, 3.1)), LAT, LON, 25, Set.of(), 3);
        assertThat(r).extracting(CandidateRanking.Ranked::installerId).containsExactly("near", "mid-good", "mid-poor");
        assertThat(r.get(0).distanceKm()).isBetween(1.9, 2.1);
    }

    @Test
    void theShownDistanceIsFromTheInstallersBaseToTheCentreOfTheHomesGridCell() {
        double homeLat = LAT + 0.0031;
        double homeLon = LON + 0.0047;
        CandidateRanking.Candidate c = new CandidateRanking.Candidate("i", LAT + 7 / 111.2, LON + 0.03, 50, 5);
        CandidateRanking.Ranked r = CandidateRanking.rank(List.of(c), homeLat, homeLon, 25, Set.of(), 3).get(0);
        Point cell = Locations.coarse(homeLat, homeLon);
        assertThat(r.shownDistanceKm()).isEqualTo(Locations.distanceKm(cell.latitude(), cell.longitude(),
                c.latitude(), c.longitude()));
        assertThat(r.shownDistanceKm()).isNotEqualTo(Geo.distanceKm(homeLat, homeLon, c.latitude(), c.longitude()));
        assertThat(Math.abs(r.shownDistanceKm() - r.distanceKm())).isLessThan(0.75);
    }

    @Test
    void outsideTheRoundRadiusOrTheirOwnServiceRadiusIsNoCandidate() {
        List<CandidateRanking.Ranked> r = CandidateRanking.rank(List.of(at("beyond-round", 30, 100, 5),
                at("too-far-for-them", 15, 10, 5), at("ok", 15, 20, 5)), LAT, LON, 25, Set.of(), 3);
        assertThat(r).extracting(CandidateRanking.Ranked::installerId).containsExactly("ok");
    }

    @Test
    void installersAlreadyAskedAreSkipped() {
        List<CandidateRanking.Ranked> r = CandidateRanking.rank(List.of(at("a", 1, 50, 5), at("b", 2, 50, 5)), LAT,
                LON, 25, Set.of("a"), 3);
        assertThat(r).extracting(CandidateRanking.Ranked::installerId).containsExactly("b");
    }

    @Test
    void radiusDoublesPerRoundUpToTheMaximum() {
        assertThat(CandidateRanking.radiusFor(0, 25, 100)).isEqualTo(25);
        assertThat(CandidateRanking.radiusFor(1, 25, 100)).isEqualTo(50);
        assertThat(CandidateRanking.radiusFor(2, 25, 100)).isEqualTo(100);
        assertThat(CandidateRanking.radiusFor(3, 25, 100)).isEqualTo(100);
        assertThat(CandidateRanking.lastRound(25, 100)).isEqualTo(2);
        assertThat(CandidateRanking.lastRound(30, 100)).isEqualTo(2);
        assertThat(CandidateRanking.lastRound(100, 100)).isZero();
    }

    @Test
    void greatCircleDistanceAndBoundingBox() {
        // Berlin to Hamburg: about 255 km.
        assertThat(Geo.distanceKm(52.52, 13.405, 53.551, 9.994)).isBetween(250.0, 260.0);
        Geo.Box box = Geo.boundingBox(52.52, 13.405, 25);
        assertThat(box.minLat()).isLessThan(52.52 - 0.22);
        // Every point 25 km away in any direction lies inside the box.
        for (int deg = 0; deg < 360; deg += 15) {
            double b = Math.toRadians(deg);
            double lat = 52.52 + 25 * Math.cos(b) / 111.32;
            double lon = 13.405 + 25 * Math.sin(b) / (111.32 * Math.cos(Math.toRadians(lat)));
            assertThat(lat).isBetween(box.minLat(), box.maxLat());
            assertThat(lon).isBetween(box.minLon(), box.maxLon());
        }
        assertThat(Geo.boundingBox(89.9, 0, 50).minLon()).isEqualTo(-180);
    }
}
