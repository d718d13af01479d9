package com.sundispatch.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.sundispatch.shared.ApiException;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.TestGeocoder;

import tools.jackson.databind.JsonNode;

/** The public place endpoints over real HTTP, and the Places port with the loopback geocoder and the gazetteer. */
@ExtendWith(OutputCaptureExtension.class)
class PlacesIT extends IntegrationTest {

    @Autowired
    Places places;

    @AfterEach
    void geocoderHealthy() {
        TestGeocoder.failNext(0, TestGeocoder.Mode.ERROR);
    }

    @Test
    void searchByPostalCodeAnswersPlacesBestFirstAndMayBeCachedForAnHour() {
        Api.Response r = api.get("/api/v1/places/search?q=10117&country=de");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).contains("max-age=3600").contains("public");
        assertThat(String.join(",", r.headers("Vary"))).contains("Accept-Language");
        JsonNode first = r.json().get(0);
        assertThat(first.path("postalCode").asString()).isEqualTo("10117");
        assertThat(first.path("city").asString()).isEqualTo("Berlin");
        assertThat(first.path("country").asString()).isEqualTo("DE");
        assertThat(first.path("precision").asString()).isEqualTo("POSTAL_CODE");
        assertThat(first.path("label").asString()).isEqualTo("10117 Berlin, DE");
        assertThat(first.path("addressLine").asString()).isEmpty();
        assertThat(first.path("latitude").asDouble()).isBetween(52.3, 52.7);
        assertThat(first.path("region").asString()).isEqualTo("Berlin");
    }

    @Test
    void searchByTownFoldsUmlautsAndListsNamesakesUpToTheLimit() {
        JsonNode munich = api.get("/api/v1/places/search?q=Muenchen").json();
        assertThat(munich.get(0).path("city").asString()).isEqualTo("München");

        JsonNode neustadt = api.get("/api/v1/places/search?q=neustadt&country=DE&limit=8").json();
        assertThat(neustadt.size()).isEqualTo(8);
        assertThat(neustadt.valueStream().map(p -> p.path("region").asString()).distinct().count()).isGreaterThan(2);
        assertThat(api.get("/api/v1/places/search?q=Neustadt").json().size()).isEqualTo(6);
    }

    @Test
    void searchRefusesBadParametersWithValidationFailed() {
        for (String query : List.of("", "?q=", "?q=%20%20", "?q=" + "a".repeat(101), "?q=Berlin&country=DEU",
                "?q=Berlin&country=1A", "?q=Berlin&limit=0", "?q=Berlin&limit=11", "?q=Berlin&limit=many")) {
            Api.Response r = api.get("/api/v1/places/search" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.code()).as(query).isEqualTo("validation_failed");
        }
    }

    @Test
    void searchOutsideTheCoveredCountriesFindsNothing() {
        Api.Response r = api.get("/api/v1/places/search?q=Paris&country=FR");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isZero();
    }

    @Test
    void reverseGivesThePostalAreaWithItsOwnPointNeverTheCallers() {
        Api.Response r = api.get("/api/v1/places/reverse?lat=52.51702&lon=13.38886");

        assertThat(r.status()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.path("city").asString()).isEqualTo("Berlin");
        assertThat(p.path("precision").asString()).isIn("POSTAL_CODE", "CITY");
        assertThat(p.path("addressLine").asString()).isEmpty();
        assertThat(p.path("latitude").asDouble()).isNotEqualTo(52.51702);
        assertThat(p.path("longitude").asDouble()).isNotEqualTo(13.38886);
    }

    @Test
    void reverseNearARegisteredAddressStillAnswersOnlyTheArea() {
        TestGeocoder.place("Marienplatz 8", "80331", "München", "DE", 48.13718, 11.57547);

        JsonNode p = api.get("/api/v1/places/reverse?lat=48.13720&lon=11.57550").json();

        assertThat(p.path("postalCode").asString()).isEqualTo("80331");
        assertThat(p.path("addressLine").asString()).isEmpty();
        assertThat(p.path("label").asString()).doesNotContain("Marienplatz");
        assertThat(p.path("latitude").asDouble()).isNotEqualTo(48.13718);
    }

    @Test
    void reverseRefusesBadCoordinates() {
        for (String query : List.of("", "?lat=52.5", "?lon=13.4", "?lat=91&lon=13.4", "?lat=52.5&lon=-181",
                "?lat=abc&lon=13.4", "?lat=NaN&lon=13.4")) {
            Api.Response r = api.get("/api/v1/places/reverse" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.code()).as(query).isEqualTo("validation_failed");
        }
    }

    @Test
    void reverseOutsideCoverageIsPlaceNotFound() {
        Api.Response paris = api.get("/api/v1/places/reverse?lat=48.8566&lon=2.3522");
        Api.Response ocean = api.get("/api/v1/places/reverse?lat=0&lon=0");

        assertThat(paris.status()).isEqualTo(404);
        assertThat(paris.code()).isEqualTo("place_not_found");
        assertThat(ocean.status()).isEqualTo(404);
    }

    @Test
    void requestLogKeepsThePathOnlySoCoordinatesNeverReachTheLog(CapturedOutput output) {
        api.send("GET", "/api/v1/places/reverse?lat=52.51999&lon=13.40498", null, null,
                Map.of("X-Request-Id", "reverse-log-check-1"));

        String line = output.getAll().lines().filter(l -> l.contains("reverse-log-check-1")
                && l.contains("\"message\":\"request\"")).findFirst().orElseThrow();
        assertThat(Api.JSON.readTree(line).path("path").asString()).isEqualTo("/api/v1/places/reverse");
        assertThat(output.getAll()).doesNotContain("52.51999").doesNotContain("13.40498");
    }

    @Test
    void publicMapWithoutTilesNamesTheDataSourcesAndTheCspAllowsNoOtherImageHost() {
        Api.Response r = api.get("/api/v1/public/map");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("tileUrl").isNull()).isTrue();
        assertThat(r.json().path("tileAttribution").isNull()).isTrue();
        assertThat(r.json().path("maxZoom").asInt()).isEqualTo(18);
        assertThat(r.json().path("attributions").valueStream().map(JsonNode::asString).toList())
                .anySatisfy(a -> assertThat(a).contains("GeoNames").contains("CC BY 4.0"))
                .anySatisfy(a -> assertThat(a).contains("OpenStreetMap contributors").contains("ODbL"))
                .anySatisfy(a -> assertThat(a).contains("Austrian Post"));
        assertThat(r.header("Content-Security-Policy")).contains("img-src 'self' data: blob:;");
    }

    @Test
    void locateUsesTheOnlineGeocoderForAnAddressItKnows() {
        TestGeocoder.place("Königsallee 60", "40212", "Düsseldorf", "DE", 51.2213, 6.7808);

        Place p = places.locate(new AddressQuery("Königsallee 60", "40212", "Düsseldorf", "DE"));

        assertThat(p.precision()).isEqualTo(Precision.ADDRESS);
        assertThat(p.addressLine()).isEqualTo("Königsallee 60");
        assertThat(p.latitude()).isEqualTo(51.2213);
    }

    @Test
    void locateFallsBackToTheGazetteerWhenTheGeocoderDoesNotKnowOrFails() {
        Place unknown = places.locate(new AddressQuery("Unter den Linden 1", "10117", "Berlin", "DE"));
        assertThat(unknown.precision()).isEqualTo(Precision.POSTAL_CODE);
        assertThat(unknown.postalCode()).isEqualTo("10117");
        assertThat(unknown.city()).isEqualTo("Berlin");

        TestGeocoder.place("Getreidegasse 9", "5020", "Salzburg", "AT", 47.8000, 13.0433);
        TestGeocoder.failNext(1, TestGeocoder.Mode.ERROR);
        Place failed = places.locate(new AddressQuery("Getreidegasse 9", "5020", "Salzburg", "AT"));
        assertThat(failed.precision()).isEqualTo(Precision.POSTAL_CODE);
        assertThat(failed.city()).isEqualTo("Salzburg");

        Place town = places.locate(new AddressQuery("", "", "Zürich", "CH"));
        assertThat(town.precision()).isEqualTo(Precision.CITY);
        assertThat(town.country()).isEqualTo("CH");
    }

    @Test
    void addressThatCannotBePlacedIsAddressNotFoundWithSuggestions() {
        assertThatThrownBy(() -> places.locate(new AddressQuery("Hauptstraße 1", "10117", "München", "DE")))
                .isInstanceOfSatisfying(AddressNotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo("address_not_found");
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.suggestions()).extracting(Place::city).contains("Berlin", "München");
                    assertThat(e.properties()).containsEntry("suggestions", e.suggestions());
                });
        assertThatThrownBy(() -> places.locate(new AddressQuery("", "99999", "", "DE")))
                .isInstanceOf(AddressNotFoundException.class);
        assertThatThrownBy(() -> places.locate(new AddressQuery("", "", "Neustadt", "DE")))
                .isInstanceOfSatisfying(AddressNotFoundException.class,
                        e -> assertThat(e.suggestions()).hasSizeGreaterThan(2)
                                .allSatisfy(p -> assertThat(p.city()).startsWith("Neustadt")));
        assertThatThrownBy(() -> places.locate(new AddressQuery("Rue de Rivoli 1", "75001", "Paris", "FR")))
                .isInstanceOf(AddressNotFoundException.class);
    }

    @Test
    void postalCodeAndTownSuggestionsNeverAskTheGeocoderButStreetAddressesDo() {
        int before = TestGeocoder.requests();
        assertThat(api.get("/api/v1/places/search?q=10117&country=DE").json().get(0).path("city").asString())
                .isEqualTo("Berlin");
        assertThat(api.get("/api/v1/places/search?q=Muenchen").json().get(0).path("city").asString())
                .isEqualTo("München");
        assertThat(TestGeocoder.requests()).isEqualTo(before);

        TestGeocoder.place("Schlossstraße 17", "01067", "Dresden", "DE", 51.0526, 13.7381);
        Api.Response street = api.get("/api/v1/places/search?q=Schlossstra%C3%9Fe%2017%20Dresden&country=DE");

        assertThat(street.json().get(0).path("precision").asString()).isEqualTo("ADDRESS");
        assertThat(TestGeocoder.requests()).isEqualTo(before + 1);
        assertThat(street.header("Cache-Control")).contains("max-age=3600");
    }

    @Test
    void suggestionsAnsweredByTheGazetteerBecauseTheGeocoderFailedMayBeCachedAMinuteOnly() {
        TestGeocoder.failNext(1, TestGeocoder.Mode.ERROR);

        Api.Response r = api.get("/api/v1/places/search?q=Torstra%C3%9Fe%209%2C%2010119%20Berlin&country=DE");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get(0).path("postalCode").asString()).isEqualTo("10119");
        assertThat(r.header("Cache-Control")).contains("max-age=60").contains("public").doesNotContain("3600");
    }

    @Test
    void onlyAnAllowedLanguageReachesTheGeocoder() {
        int before = TestGeocoder.requests();
        api.send("GET", "/api/v1/places/search?q=Gartenweg%203%20Kiel", null, null,
                Map.of("Accept-Language", "fr-CH-x-" + "abcdefgh".repeat(3)));
        api.send("GET", "/api/v1/places/search?q=Gartenweg%204%20Kiel", null, null,
                Map.of("Accept-Language", "de-AT"));

        List<TestGeocoder.Request> sent = TestGeocoder.received().subList(before, TestGeocoder.requests());
        assertThat(sent).extracting(r -> r.headers().get("accept-language")).containsExactly("en", "de");
    }

    @Test
    void reverseSendsTheGeocoderOnlyTheCoarseCellNeverTheCallersPoint() {
        int before = TestGeocoder.requests();

        api.get("/api/v1/places/reverse?lat=52.51702&lon=13.38886");

        TestGeocoder.Request sent = TestGeocoder.received().get(before);
        Point cell = Locations.coarse(52.51702, 13.38886);
        assertThat(Double.parseDouble(sent.query().get("lat"))).isEqualTo(cell.latitude());
        assertThat(Double.parseDouble(sent.query().get("lon"))).isEqualTo(cell.longitude());
    }

    @Test
    void cityFieldHoldingTheStreetIsAddressNotFoundWithSuggestions() {
        assertThatThrownBy(() -> places.locate(new AddressQuery("Unter den Linden 1", "10117",
                "Berlin, Unter den Linden 1", "DE")))
                .isInstanceOfSatisfying(AddressNotFoundException.class,
                        e -> assertThat(e.suggestions()).extracting(Place::city).contains("Berlin"));
    }

    @Test
    void swissAddressesArePlacedByTheTownOfflineForOrdersAndQuotes() {
        Place order = places.locate(new AddressQuery("Bahnhofstrasse 21", "8001", "Zürich", "CH"));
        assertThat(order.precision()).isEqualTo(Precision.CITY);
        assertThat(order.city()).isEqualTo("Zürich");
        assertThat(order.country()).isEqualTo("CH");

        Place quoteArea = places.locate(new AddressQuery("", "3011", "Bern", "CH"));
        assertThat(quoteArea.precision()).isEqualTo(Precision.CITY);
        assertThat(quoteArea.city()).isEqualTo("Bern");

        Api.Response quote = api.post("/api/v1/quotes", Map.of("monthlyKwh", 300, "address",
                Map.of("postalCode", "1201", "city", "Genève", "country", "CH")));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        assertThat(quote.json().path("place").path("city").asString()).isEqualTo("Genève");
        assertThat(quote.json().path("place").path("precision").asString()).isEqualTo("CITY");
        assertThatThrownBy(() -> places.locate(new AddressQuery("", "8001", "Nirgendwo Ungekannt", "CH")))
                .isInstanceOf(AddressNotFoundException.class);
    }

    @Test
    void pinCorrectionIsAcceptedWithinFiveKmAndRefusedFartherOrHalfGiven() {
        Place home = places.locate(new AddressQuery("", "10117", "Berlin", "DE"));

        assertThat(places.pinned(home, null, null)).isEqualTo(home.point());
        Point moved = places.pinned(home, home.latitude() + 0.03, home.longitude());
        assertThat(moved).isEqualTo(new Point(home.latitude() + 0.03, home.longitude()));
        assertThatThrownBy(() -> places.pinned(home, home.latitude() + 0.06, home.longitude()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("pin_too_far");
                    assertThat(e.status().value()).isEqualTo(400);
                });
        assertThatThrownBy(() -> places.pinned(home, home.latitude(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("validation_failed"));
        assertThatThrownBy(() -> places.pinned(home, 95.0, 13.0))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("validation_failed"));
    }
}
