package com.sundispatch.places.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sundispatch.places.AddressQuery;
import com.sundispatch.places.Place;
import com.sundispatch.places.Precision;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.outbound.GuardedHttpClient;
import com.sundispatch.security.outbound.UrlGuard;
import com.sundispatch.support.TestGeocoder;
import com.sundispatch.support.TestGeocoder.Mode;

/** The online adapter against the Nominatim fake on loopback, through the real SSRF-guarded client. */
class NominatimGeocoderTest {

    /** receiver.test is the loopback fake, allowed over http as the test profile allows it; nothing else is. */
    private final OutboundHttp http = new GuardedHttpClient(new UrlGuard(host -> host.equals("receiver.test")
            ? List.of(InetAddress.getLoopbackAddress()) : List.of(InetAddress.getByName(host)),
            Set.of("receiver.test")), (SSLSocketFactory) SSLSocketFactory.getDefault());

    @AfterEach
    void noFailuresLeft() {
        TestGeocoder.failNext(0, Mode.ERROR);
    }

    private NominatimGeocoder geocoder(double perSecond, Duration timeout) {
        return new NominatimGeocoder(http, new PlacesProperties(TestGeocoder.url(), "", "ops@sundispatch.example",
                perSecond, timeout, Duration.ofHours(1), 100, 5), "1.2.3");
    }

    private NominatimGeocoder geocoder() {
        return geocoder(1000, Duration.ofSeconds(3));
    }

    @Test
    void structuredSearchIsParsedIntoAnAddressPlaceAndSentWithUserAgentAndLanguage() {
        TestGeocoder.place("Sonnenallee 12", "12045", "Berlin", "DE", 52.4871, 13.4264);
        int before = TestGeocoder.requests();

        NominatimGeocoder.Answer answer = geocoder().locate(new AddressQuery("Sonnenallee 12", "12045", "Berlin", "de"),
                "de-DE");

        assertThat(answer.answered()).isTrue();
        Place p = answer.places().get(0);
        assertThat(p.addressLine()).isEqualTo("Sonnenallee 12");
        assertThat(p.postalCode()).isEqualTo("12045");
        assertThat(p.city()).isEqualTo("Berlin");
        assertThat(p.country()).isEqualTo("DE");
        assertThat(p.latitude()).isEqualTo(52.4871);
        assertThat(p.longitude()).isEqualTo(13.4264);
        assertThat(p.precision()).isEqualTo(Precision.ADDRESS);
        TestGeocoder.Request request = TestGeocoder.received().get(before);
        assertThat(request.path()).isEqualTo("/search");
        assertThat(request.query()).containsEntry("format", "jsonv2").containsEntry("addressdetails", "1")
                .containsEntry("street", "Sonnenallee 12").containsEntry("postalcode", "12045")
                .containsEntry("city", "Berlin").containsEntry("countrycodes", "de").doesNotContainKey("q");
        assertThat(request.headers().get("user-agent")).isEqualTo("SunDispatch/1.2.3 (ops@sundispatch.example)");
        assertThat(request.headers().get("accept-language")).isEqualTo("de-DE");
    }

    @Test
    void freeFormSuggestionsUseQ() {
        TestGeocoder.place("Lindenweg 3", "6020", "Innsbruck", "AT", 47.2692, 11.4041);
        int before = TestGeocoder.requests();

        NominatimGeocoder.Answer answer = geocoder().suggest("Lindenweg 3 Innsbruck", "AT", 5, "en");

        assertThat(answer.places()).extracting(Place::city).containsExactly("Innsbruck");
        assertThat(TestGeocoder.received().get(before).query()).containsEntry("q", "Lindenweg 3 Innsbruck")
                .containsEntry("countrycodes", "at").containsEntry("limit", "5");
    }

    @Test
    void anEmptyAnswerIsAnAnswerWithNoPlaces() {
        NominatimGeocoder.Answer answer = geocoder().locate(
                new AddressQuery("Nirgendwo 1", "10117", "Berlin", "DE"), "en");

        assertThat(answer.answered()).isTrue();
        assertThat(answer.places()).isEmpty();
    }

    @Test
    void reverseAsksAtTownLevelAndNeverReturnsAStreet() {
        TestGeocoder.place("Marktplatz 1", "69117", "Heidelberg", "DE", 49.4122, 8.7101);
        int before = TestGeocoder.requests();

        NominatimGeocoder.Answer answer = geocoder().reverse(49.4120, 8.7100, "en");

        assertThat(answer.places()).singleElement().satisfies(p -> {
            assertThat(p.addressLine()).isEmpty();
            assertThat(p.precision()).isEqualTo(Precision.POSTAL_CODE);
            assertThat(p.postalCode()).isEqualTo("69117");
        });
        assertThat(TestGeocoder.received().get(before).query()).containsEntry("zoom", "12");
        assertThat(geocoder().reverse(-40.0, -40.0, "en").places()).isEmpty();
    }

    @Test
    void timeoutFallsBackWithinTheConfiguredTime() {
        TestGeocoder.failNext(1, Mode.SLOW);
        long start = System.nanoTime();

        NominatimGeocoder.Answer answer = geocoder(1000, Duration.ofMillis(300)).locate(
                new AddressQuery("", "10117", "Berlin", "DE"), "en");

        assertThat(answer.answered()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void garbageFallsBack() {
        TestGeocoder.failNext(1, Mode.GARBAGE);

        assertThat(geocoder().locate(new AddressQuery("", "10117", "Berlin", "DE"), "en").answered()).isFalse();
    }

    @Test
    void serverErrorFallsBack() {
        TestGeocoder.failNext(1, Mode.ERROR);

        assertThat(geocoder().locate(new AddressQuery("", "10117", "Berlin", "DE"), "en").answered()).isFalse();
    }

    @Test
    void redirectToAnInternalAddressIsRefusedByTheGuardAndNeverCalled() {
        for (String internal : List.of("http://127.0.0.1:" + TestGeocoder.port() + "/search?format=jsonv2",
                "https://169.254.169.254/latest/meta-data", "https://10.0.0.1/search")) {
            TestGeocoder.redirectTo(internal);
            TestGeocoder.failNext(1, Mode.REDIRECT);
            int before = TestGeocoder.requests();

            NominatimGeocoder.Answer answer = geocoder().locate(new AddressQuery("", "10117", "Berlin", "DE"), "en");

            assertThat(answer.answered()).as(internal).isFalse();
            assertThat(TestGeocoder.requests() - before).as(internal).isEqualTo(1);
        }
    }

    @Test
    void redirectToTheVettedServiceIsFollowedOnceOnly() {
        TestGeocoder.place("Domplatz 2", "50667", "Köln", "DE", 50.9413, 6.9583);
        TestGeocoder.redirectTo(TestGeocoder.url() + "/search?format=jsonv2&addressdetails=1&postalcode=50667&city=K%C3%B6ln");
        TestGeocoder.failNext(1, Mode.REDIRECT);

        NominatimGeocoder.Answer followed = geocoder().locate(new AddressQuery("", "50667", "Köln", "DE"), "en");

        assertThat(followed.places()).extracting(Place::city).containsExactly("Köln");
        TestGeocoder.failNext(2, Mode.REDIRECT);
        int before = TestGeocoder.requests();
        assertThat(geocoder().locate(new AddressQuery("", "50668", "Köln", "DE"), "en").answered()).isFalse();
        assertThat(TestGeocoder.requests() - before).isEqualTo(2);
    }

    @Test
    void spentBudgetFallsBackAtOnceWithoutAsking() {
        NominatimGeocoder oncePerSecond = geocoder(1, Duration.ofSeconds(3));
        assertThat(oncePerSecond.locate(new AddressQuery("", "20095", "Hamburg", "DE"), "en").answered()).isTrue();
        int before = TestGeocoder.requests();
        long start = System.nanoTime();

        NominatimGeocoder.Answer answer = oncePerSecond.locate(new AddressQuery("", "20097", "Hamburg", "DE"), "en");

        assertThat(answer.answered()).isFalse();
        assertThat(TestGeocoder.requests()).isEqualTo(before);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void cachedAnswerMakesNoSecondRequestAndCostsNoBudget() {
        TestGeocoder.place("Kaiserstraße 7", "60311", "Frankfurt am Main", "DE", 50.1109, 8.6821);
        NominatimGeocoder oncePerSecond = geocoder(1, Duration.ofSeconds(3));
        AddressQuery query = new AddressQuery("Kaiserstraße 7", "60311", "Frankfurt am Main", "DE");
        Place first = oncePerSecond.locate(query, "en").places().get(0);
        int before = TestGeocoder.requests();

        NominatimGeocoder.Answer again = oncePerSecond.locate(query, "en");

        assertThat(again.places()).containsExactly(first);
        assertThat(TestGeocoder.requests()).isEqualTo(before);
    }

    @Test
    void oversizedAnswerFallsBack() {
        String item = "{\"lat\":\"52.5\",\"lon\":\"13.4\",\"address\":{\"country_code\":\"de\"}}";
        byte[] huge = ("[" + String.join(",", Collections.nCopies(5_000, item)) + "]")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(huge.length).isGreaterThan(NominatimGeocoder.MAX_ANSWER_BYTES);
        // The same JSON, small enough, is a fine answer: only the size is refused.
        assertThat(NominatimGeocoder.parse(huge, false)).hasSize(5_000);
        OutboundHttp bloated = new OutboundHttp() {
            @Override
            public void check(String url) {
            }

            @Override
            public Response postJson(String url, byte[] body, Map<String, String> headers) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Response get(String url, Map<String, String> headers, Duration timeout) {
                return new Response(200, huge);
            }
        };
        NominatimGeocoder geocoder = new NominatimGeocoder(bloated, new PlacesProperties("https://geo.example", "", "",
                10, Duration.ofSeconds(1), Duration.ofHours(1), 10, 5), "1");

        assertThat(geocoder.suggest("Berlin", "DE", 5, "en").answered()).isFalse();
    }

    @Test
    void unexpectedJsonShapesAreRefused() {
        assertThatThrownBy(() -> NominatimGeocoder.parse("{\"lat\":\"1\"}".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NominatimGeocoder.parse(
                "[{\"lat\":\"91.5\",\"lon\":\"1\",\"address\":{\"country_code\":\"de\"}}]"
                        .getBytes(StandardCharsets.UTF_8), false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(NominatimGeocoder.parse("{\"error\":\"Unable to geocode\"}".getBytes(StandardCharsets.UTF_8), true))
                .isEmpty();
    }

    @Test
    void configuredUserAgentReplacesTheDefault() {
        NominatimGeocoder custom = new NominatimGeocoder(http, new PlacesProperties(TestGeocoder.url(),
                "Acme-Geo/2 (geo@acme.example)", "", 1, Duration.ofSeconds(1), Duration.ofHours(1), 10, 5), "9");

        assertThat(custom.userAgent()).isEqualTo("Acme-Geo/2 (geo@acme.example)");
        assertThat(geocoder().userAgent().toLowerCase(Locale.ROOT)).startsWith("sundispatch/1.2.3");
    }
}
