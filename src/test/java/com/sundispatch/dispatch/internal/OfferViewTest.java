package com.sundispatch.dispatch.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.sundispatch.dispatch.internal.DispatchViews.MapLinks;
import com.sundispatch.dispatch.internal.DispatchViews.OfferView;
import com.sundispatch.orders.OrderPaid;
import com.sundispatch.places.Locations;
import com.sundispatch.places.Point;
import com.sundispatch.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** What an installer sees of a job before accepting (coarse) and after (exact, with map links). */
class OfferViewTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final double LAT = 52.520_815;
    private static final double LON = 13.409_419;

    private static Job job() {
        OrderPaid paid = new OrderPaid("evt_1", "order-1", "customer-1", "payment-1", new Money("100.00", "EUR"), NOW,
                LAT, LON, NOW.plus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(7).plusHours(8)), 6,
                "Alexanderplatz 1", "Berlin", "10178", "DE", null);
        return new Job("job-1", paid, NOW);
    }

    private static OfferView offerAt(double distanceKm) {
        JobOffer offer = new JobOffer("offer-1", "job-1", "installer-1", 0, 0, distanceKm, NOW,
                NOW.plus(Duration.ofMinutes(10)));
        return OfferView.of(offer, job());
    }

    @Test
    void distanceIsShownInWholeKmAndNeverBelowOne() {
        assertThat(offerAt(0.2).distanceKm()).isEqualTo(1);
        assertThat(offerAt(1.49).distanceKm()).isEqualTo(1);
        assertThat(offerAt(12.5).distanceKm()).isEqualTo(13);
        assertThat(offerAt(39.7).distanceKm()).isEqualTo(40);
    }

    @Test
    void offerShowsTheCoarseCellCentrePostalAreaAndNoStreet() {
        OfferView view = offerAt(3.3);

        assertThat(view.approximateLocation()).isEqualTo(Locations.coarse(LAT, LON))
                .isNotEqualTo(new Point(LAT, LON));
        assertThat(Locations.distanceKm(view.approximateLocation(), new Point(LAT, LON))).isLessThan(0.75);
        assertThat(view.city()).isEqualTo("Berlin");
        assertThat(view.postalCode()).isEqualTo("10178");
        assertThat(view.toString()).doesNotContain("Alexanderplatz", "520815", "409419", "customer-1");
    }

    @Test
    void mapLinksOpenTheExactPoint() {
        MapLinks links = MapLinks.of(LAT, LON);
        assertThat(links.geo()).isEqualTo("geo:52.520815,13.409419");
        assertThat(links.web()).startsWith("https://www.openstreetmap.org/?mlat=52.520815&mlon=13.409419");
    }
}
