package com.sundispatch.places.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sundispatch.places.Locations;
import com.sundispatch.places.Place;
import com.sundispatch.places.Precision;

/** The shipped gazetteer data and its search rules. */
class GazetteerTest {

    private static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.load();
    }

    @Test
    void shippedDataCoversGermanAndAustrianPostalCodesAndTownsOfAllThreeCountries() {
        assertThat(gazetteer.postalCodeCount()).isGreaterThan(15_000);
        assertThat(gazetteer.townCount()).isGreaterThan(11_000);
    }

    @Test
    void germanPostalCodeIsFoundExactlyWithItsTownRegionAndPoint() {
        Place p = gazetteer.search("10117", "DE", 6).get(0);

        assertThat(p.postalCode()).isEqualTo("10117");
        assertThat(p.city()).isEqualTo("Berlin");
        assertThat(p.region()).isEqualTo("Berlin");
        assertThat(p.country()).isEqualTo("DE");
        assertThat(p.precision()).isEqualTo(Precision.POSTAL_CODE);
        assertThat(p.addressLine()).isEmpty();
        assertThat(Locations.distanceKm(p.latitude(), p.longitude(), 52.52, 13.40)).isLessThan(15);
        assertThat(p.label()).isEqualTo("10117 Berlin, DE");
    }

    @Test
    void austrianPostalCodeIsFound() {
        Place p = gazetteer.search("5020", "AT", 6).get(0);

        assertThat(p.postalCode()).isEqualTo("5020");
        assertThat(p.city()).isEqualTo("Salzburg");
        assertThat(p.country()).isEqualTo("AT");
        assertThat(Locations.distanceKm(p.latitude(), p.longitude(), 47.80, 13.04)).isLessThan(15);
    }

    @Test
    void postalCodePrefixListsTheCodesStartingWithIt() {
        List<Place> found = gazetteer.search("80", "DE", 10);

        assertThat(found).hasSize(10).allSatisfy(p -> {
            assertThat(p.postalCode()).startsWith("80");
            assertThat(p.city()).isEqualTo("München");
            assertThat(p.region()).isEqualTo("Bayern");
        });
    }

    @Test
    void umlautsFoldAlikeWhetherTypedWithUmlautAsDigraphOrPlain() {
        for (String typed : List.of("München", "Muenchen", "munchen", "MÜNCHEN", "Munich")) {
            Place first = gazetteer.search(typed, "DE", 3).get(0);
            assertThat(first.city()).as(typed).isEqualTo("München");
            assertThat(first.precision()).isEqualTo(Precision.CITY);
        }
        assertThat(gazetteer.search("Köln", "DE", 1).get(0).city()).isEqualTo("Köln");
        assertThat(gazetteer.search("Koeln", "DE", 1).get(0).city()).isEqualTo("Köln");
    }

    @Test
    void sharpSAndDoubleSFoldAlike() {
        assertThat(Gazetteer.fold("Straße")).isEqualTo(Gazetteer.fold("Strasse"));
        assertThat(Gazetteer.fold("Neustadt a. d. Weinstraße")).isEqualTo("neustadt a d weinstrasse");
        Place withSharpS = gazetteer.search("Gießen", "DE", 1).get(0);
        Place withDoubleS = gazetteer.search("Giessen", "DE", 1).get(0);
        assertThat(withSharpS.city()).isEqualTo("Gießen");
        assertThat(withDoubleS).isEqualTo(withSharpS);
    }

    @Test
    void townPrefixFindsTownsStartingWithIt() {
        List<Place> found = gazetteer.search("Regensb", "DE", 6);

        assertThat(found).isNotEmpty();
        assertThat(found.get(0).city()).isEqualTo("Regensburg");
    }

    @Test
    void ambiguousTownNameListsEveryNamesakeLabelledWithPostalCodeAndRegion() {
        List<Place> found = gazetteer.search("Neustadt", "DE", 10);

        assertThat(found).hasSize(10);
        assertThat(found).allSatisfy(p -> assertThat(p.city()).startsWith("Neustadt"));
        assertThat(found.stream().map(Place::region).distinct().count()).isGreaterThan(3);
        assertThat(found).anySatisfy(p -> {
            assertThat(p.city()).isEqualTo("Neustadt an der Weinstraße");
            assertThat(p.label()).contains("Rheinland-Pfalz").containsPattern("674\\d\\d");
        });
        // Unambiguous placing refuses a name that several towns bear.
        assertThat(gazetteer.placeTown("Neustadt an der Weinstraße", "DE")).isPresent();
    }

    @Test
    void frankfurtAmMainAndFrankfurtOderAreTwoPlacesTheBiggerFirst() {
        List<Place> found = gazetteer.search("Frankfurt", "DE", 6);

        assertThat(found).extracting(Place::city).contains("Frankfurt am Main", "Frankfurt (Oder)");
        assertThat(found.get(0).city()).isEqualTo("Frankfurt am Main");
        Place oder = gazetteer.search("Frankfurt (Oder)", "DE", 1).get(0);
        assertThat(oder.region()).isEqualTo("Brandenburg");
        assertThat(Locations.distanceKm(oder.latitude(), oder.longitude(), 52.35, 14.55)).isLessThan(10);
        Place main = gazetteer.placePostalCode("60311", "Frankfurt", "DE").orElseThrow();
        assertThat(main.city()).isEqualTo("Frankfurt am Main");
        assertThat(gazetteer.placePostalCode("15230", "Frankfurt (Oder)", "DE").orElseThrow().region())
                .isEqualTo("Brandenburg");
    }

    @Test
    void countryFilterKeepsOnlyThatCountry() {
        assertThat(gazetteer.search("Salzburg", "AT", 6)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.country()).isEqualTo("AT"));
        assertThat(gazetteer.search("Salzburg", "CH", 6)).allSatisfy(p -> assertThat(p.country()).isEqualTo("CH"));
        assertThat(gazetteer.search("Zürich", "CH", 6).get(0).region()).isEqualTo("Zürich");
        assertThat(gazetteer.search("10117", "AT", 6)).isEmpty();
        assertThat(gazetteer.search("Paris", "FR", 6)).isEmpty();
    }

    @Test
    void postalCodeAndTownTogetherNarrowTheSearch() {
        List<Place> found = gazetteer.search("Berlin 101", "DE", 6);

        assertThat(found).isNotEmpty().allSatisfy(p -> {
            assertThat(p.postalCode()).startsWith("101");
            assertThat(p.city()).isEqualTo("Berlin");
        });
        assertThat(gazetteer.search("101 München", "DE", 6)).isEmpty();
        // A whole address typed into the search: the street and house number are not the postal code.
        assertThat(gazetteer.search("Hauptstraße 5, 10117 Berlin", "DE", 6)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.postalCode()).isEqualTo("10117"));
        assertThat(gazetteer.search("Hauptstraße 5 Berlin", "DE", 6).get(0).city()).isEqualTo("Berlin");
    }

    @Test
    void placingAPostalCodeRequiresTheTypedTownToAgree() {
        assertThat(gazetteer.placePostalCode("10117", "Berlin", "DE")).isPresent();
        assertThat(gazetteer.placePostalCode("10117", "berlin ", "DE")).isPresent();
        assertThat(gazetteer.placePostalCode("10117", null, "DE")).isPresent();
        assertThat(gazetteer.placePostalCode("80331", "Muenchen", "DE")).isPresent();
        assertThat(gazetteer.placePostalCode("10117", "München", "DE")).isEmpty();
        assertThat(gazetteer.placePostalCode("99999", "Berlin", "DE")).isEmpty();
        assertThat(gazetteer.placePostalCode("10117", "Berlin", "AT")).isEmpty();
    }

    @Test
    void nonsenseFindsNothing() {
        assertThat(gazetteer.search("Xqzzyville", null, 6)).isEmpty();
        assertThat(gazetteer.search("   ", null, 6)).isEmpty();
        assertThat(gazetteer.search("--", null, 6)).isEmpty();
    }

    @Test
    void reverseGivesThePostalAreaNearAPointWithTheAreasOwnPoint() {
        Place p = gazetteer.reverse(52.5170, 13.3889).orElseThrow();

        assertThat(p.city()).isEqualTo("Berlin");
        assertThat(p.postalCode()).matches("1\\d{4}");
        assertThat(p.precision()).isEqualTo(Precision.POSTAL_CODE);
        assertThat(p.addressLine()).isEmpty();
        assertThat(p.latitude()).isNotEqualTo(52.5170);
        Place vienna = gazetteer.reverse(48.2085, 16.3721).orElseThrow();
        assertThat(vienna.country()).isEqualTo("AT");
        assertThat(vienna.city()).startsWith("Wien");
    }

    @Test
    void reverseInSwitzerlandFallsBackToTheTown() {
        Place p = gazetteer.reverse(47.3769, 8.5417).orElseThrow();

        assertThat(p.country()).isEqualTo("CH");
        assertThat(p.precision()).isEqualTo(Precision.CITY);
    }

    @Test
    void reverseFarFromAnyKnownPlaceFindsNothing() {
        assertThat(gazetteer.reverse(48.8566, 2.3522)).isEmpty();
        assertThat(gazetteer.reverse(0, 0)).isEmpty();
        assertThat(gazetteer.reverse(89.9, 179.9)).isEmpty();
    }

    @Test
    void limitIsRespected() {
        assertThat(gazetteer.search("B", null, 3)).hasSize(3);
        assertThat(gazetteer.search("1", null, 1)).hasSize(1);
    }
}
