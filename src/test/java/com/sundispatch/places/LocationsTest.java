package com.sundispatch.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The rules every module shares: distances, what an installer may see before accepting, map links. */
class LocationsTest {

    @Test
    void distanceBetweenBerlinAndMunichIsAboutFiveHundredKm() {
        assertThat(Locations.distanceKm(52.5200, 13.4050, 48.1374, 11.5755)).isCloseTo(504, within(3.0));
        assertThat(Locations.distanceKm(new Point(50, 8), new Point(50, 8))).isZero();
    }

    @Test
    void roundedDistanceIsWholeKmAndAtLeastOne() {
        assertThat(Locations.roundedKm(0.0)).isEqualTo(1);
        assertThat(Locations.roundedKm(0.4)).isEqualTo(1);
        assertThat(Locations.roundedKm(1.49)).isEqualTo(1);
        assertThat(Locations.roundedKm(1.5)).isEqualTo(2);
        assertThat(Locations.roundedKm(12.7)).isEqualTo(13);
    }

    @Test
    void coarsePointIsTheCellCentreWithinThreeQuartersOfAKmOfThePoint() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double lat = 45.8 + random.nextDouble() * 9.3;
            double lon = 5.8 + random.nextDouble() * 11.5;
            Point centre = Locations.coarse(lat, lon);
            assertThat(Locations.distanceKm(lat, lon, centre.latitude(), centre.longitude()))
                    .as("%f,%f", lat, lon).isLessThan(0.75);
            // The centre is its own cell's centre: snapping again changes nothing.
            assertThat(Locations.coarse(centre.latitude(), centre.longitude())).isEqualTo(centre);
        }
    }

    @Test
    void everyPointOfACellMapsToTheSameCentre() {
        Point centre = Locations.coarse(52.5163, 13.3777);
        double latStep = Locations.COARSE_CELL_KM / 111.32;
        double lonStep = Locations.COARSE_CELL_KM / (111.32 * Math.cos(Math.toRadians(centre.latitude())));
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            // Anywhere inside the cell, keeping clear of the edges by the rounding of the centre (4 decimals).
            double lat = centre.latitude() + (random.nextDouble() - 0.5) * (latStep - 0.0003);
            double lon = centre.longitude() + (random.nextDouble() - 0.5) * (lonStep - 0.0003);
            assertThat(Locations.coarse(lat, lon)).isEqualTo(centre);
        }
        // The next row's cell has its own centre, about 1 km away (its columns are offset by the row's width).
        Point other = Locations.coarse(centre.latitude() + latStep, centre.longitude());
        assertThat(other).isNotEqualTo(centre);
        assertThat(Locations.distanceKm(centre, other)).isBetween(0.95, 1.45);
    }

    @Test
    void coarsePointHidesTheExactPoint() {
        Point exact = new Point(48.137154, 11.576124);
        Point coarse = Locations.coarse(exact.latitude(), exact.longitude());

        assertThat(coarse).isNotEqualTo(exact);
        assertThat(Locations.coarse(48.1375, 11.5765)).isEqualTo(Locations.coarse(48.1368, 11.5758));
    }

    @Test
    void geoUriAndWebLinkCarryThePointInRootLocale() {
        assertThat(Locations.geoUri(52.5163, 13.3777)).isEqualTo("geo:52.516300,13.377700");
        assertThat(Locations.geoUri(-33.8688, -151.2093)).isEqualTo("geo:-33.868800,-151.209300");
        assertThat(Locations.webMapUrl(52.5163, 13.3777)).isEqualTo(
                "https://www.openstreetmap.org/?mlat=52.516300&mlon=13.377700#map=17/52.516300/13.377700");
    }
}
