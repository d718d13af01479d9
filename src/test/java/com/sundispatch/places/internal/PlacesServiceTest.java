package com.sundispatch.places.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sundispatch.places.AddressNotFoundException;
import com.sundispatch.places.AddressQuery;
import com.sundispatch.places.Locations;
import com.sundispatch.places.Place;
import com.sundispatch.places.Point;
import com.sundispatch.places.Precision;
import com.sundispatch.places.Suggestions;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.outbound.GuardedHttpClient;
import com.sundispatch.security.outbound.UrlGuard;
import com.sundispatch.support.TestGeocoder;
import com.sundispatch.support.TestGeocoder.Mode;

/** Which questions go online, from which budget, and what the service answers when they cannot. */
class PlacesServiceTest {

    private final OutboundHttp http = new GuardedHttpClient(new UrlGuard(host -> host.equals("receiver.test")
            ? List.of(InetAddress.getLoopbackAddress()) : List.of(InetAddress.getByName(host)),
            Set.of("receiver.test")), (SSLSocketFactory) SSLSocketFactory.getDefault());
    private final GazetteerHolder holder = new GazetteerHolder();

    @AfterEach
    void noFailuresLeft() {
        TestGeocoder.failNext(0, Mode.ERROR);
    }

    private PlacesService service(double reserved, double interactive) {
        return new PlacesService(holder, new PlacesProperties(TestGeocoder.url(), "", "", reserved, interactive,
                Duration.ofSeconds(3), Duration.ofHours(1), 100, 5), http);
    }

    @Test
    void streetAddressesAreToldFromPostalCodesAndTowns() {
        Gazetteer g = holder.get();
        for (String street : List.of("Hauptstraße 5", "Unter den Linden 1", "Hauptstraße 5, 10117 Berlin",
                "Marienplatz 8 München", "Neustadt 12a", "Königsallee")) {
            assertThat(PlacesService.looksLikeStreetAddress(street, "DE", g, true)).as(street).isTrue();
        }
        for (String area : List.of("10117", "10117 Berlin", "Berlin 101", "Berlin", "Muenchen", "8001 Zürich", "80")) {
            assertThat(PlacesService.looksLikeStreetAddress(area, "DE", g, false)).as(area).isFalse();
        }
    }

    @Test
    void postalCodesAndTownsAreSuggestedFromTheGazetteerWithoutAskingOnline() {
        PlacesService s = service(1000, 1000);
        int before = TestGeocoder.requests();

        Suggestions code = s.suggest("10117", "DE", 6);
        Suggestions town = s.suggest("Muenchen", null, 6);
        Suggestions prefix = s.suggest("Berlin 101", "DE", 6);

        assertThat(code.places().get(0).city()).isEqualTo("Berlin");
        assertThat(town.places().get(0).city()).isEqualTo("München");
        assertThat(prefix.places()).isNotEmpty();
        assertThat(List.of(code, town, prefix)).noneMatch(Suggestions::fallback);
        assertThat(TestGeocoder.requests()).isEqualTo(before);
    }

    @Test
    void spentInteractiveBudgetGivesAFallbackWhileOrdersStillGoOnline() {
        TestGeocoder.place("Rosenweg 11", "70173", "Stuttgart", "DE", 48.7784, 9.1800);
        PlacesService s = service(1000, 0.01);
        Suggestions first = s.suggest("Rosenweg 11 Stuttgart", "DE", 6);
        assertThat(first.fallback()).isFalse();
        assertThat(first.places()).extracting(Place::precision).containsExactly(Precision.ADDRESS);
        int before = TestGeocoder.requests();

        Suggestions starved = s.suggest("Rosenweg 12, 70173 Stuttgart", "DE", 6);

        assertThat(starved.fallback()).isTrue();
        assertThat(starved.places()).extracting(Place::postalCode).contains("70173");
        assertThat(TestGeocoder.requests()).isEqualTo(before);
        Place order = s.locate(new AddressQuery("Rosenweg 11", "70173", "Stuttgart", "DE"));
        assertThat(order.precision()).isEqualTo(Precision.ADDRESS);
        assertThat(order.latitude()).isEqualTo(48.7784);
    }

    @Test
    void geocoderFailureMakesAFallbackButAnEmptyAnswerDoesNot() {
        PlacesService s = service(1000, 1000);
        TestGeocoder.failNext(1, Mode.ERROR);

        assertThat(s.suggest("Lindenstraße 3, 10969 Berlin", "DE", 6).fallback()).isTrue();
        assertThat(s.suggest("Lindenstraße 4, 10969 Berlin", "DE", 6).fallback()).isFalse();
    }

    @Test
    void areaAloneIsPlacedByTheGazetteerWithoutAskingOnline() {
        PlacesService s = service(1000, 1000);
        int before = TestGeocoder.requests();

        Place quote = s.locate(new AddressQuery("", "10117", "Berlin", "DE"));
        Place swiss = s.locate(new AddressQuery("", "8001", "Zürich", "CH"));

        assertThat(quote.precision()).isEqualTo(Precision.POSTAL_CODE);
        assertThat(swiss.precision()).isEqualTo(Precision.CITY);
        assertThat(swiss.city()).isEqualTo("Zürich");
        assertThat(TestGeocoder.requests()).isEqualTo(before);
    }

    @Test
    void areaTheGazetteerDoesNotKnowGoesOnlineFromTheInteractiveBudgetOnly() {
        TestGeocoder.Entry e = TestGeocoder.place("Teichweg 1", "T555001", "Teichdorf Test", "DE", 50.1, 10.1);
        PlacesService starved = service(1000, 0.01);
        starved.suggest("Teichweg 2 Teichdorf", "DE", 6);
        int before = TestGeocoder.requests();

        assertThatThrownBy(() -> starved.locate(new AddressQuery("", e.postalCode(), e.city(), "DE")))
                .isInstanceOf(AddressNotFoundException.class);
        assertThat(TestGeocoder.requests()).isEqualTo(before);
        assertThat(service(1000, 1000).locate(new AddressQuery("", e.postalCode(), e.city(), "DE")).latitude())
                .isEqualTo(50.1);
    }

    @Test
    void reverseSendsOnlyTheCoarseCellToTheGeocoder() {
        PlacesService s = service(1000, 1000);
        int before = TestGeocoder.requests();

        s.reverse(52.517021, 13.388861);

        Point cell = Locations.coarse(52.517021, 13.388861);
        TestGeocoder.Request sent = TestGeocoder.received().get(before);
        assertThat(sent.path()).isEqualTo("/reverse");
        assertThat(Double.parseDouble(sent.query().get("lat"))).isEqualTo(cell.latitude());
        assertThat(Double.parseDouble(sent.query().get("lon"))).isEqualTo(cell.longitude());
        assertThat(sent.query().get("lat")).doesNotContain("51702");
    }
}
