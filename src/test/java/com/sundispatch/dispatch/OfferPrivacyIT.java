package com.sundispatch.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sundispatch.places.Locations;
import com.sundispatch.places.Point;
import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before accepting, an installer sees the postal area, whole km and a point snapped to the ~1 km grid, never the
 * street or the exact point; after accepting, the exact address and links that open it in a map app.
 */
class OfferPrivacyIT extends DispatchFixtures {

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(names::add);
        return names;
    }

    @Test
    void offerShowsPostalAreaWholeKmAndTheCoarseCellCentreButNeverTheStreetOrExactPoint() {
        Installer installer = installer(1.4);
        paidOrder();

        List<JsonNode> offers = offersOf(installer);
        assertThat(offers).hasSize(1);
        JsonNode offer = offers.get(0);
        assertThat(names(offer)).containsExactlyInAnyOrder("offerId", "jobId", "distanceKm", "expiresAt", "window",
                "panelCount", "city", "postalCode", "approximateLocation");
        assertThat(offer.path("city").asString()).isEqualTo(lastInstallation.get("city"));
        assertThat(offer.path("postalCode").asString()).isEqualTo(lastInstallation.get("postalCode"));
        assertThat(offer.path("distanceKm").isIntegralNumber()).isTrue();
        // From the installer's base to the cell centre, not the real distance: the two together would narrow the
        // home down to the part of the cell on a ring around the installer's own base.
        assertThat(offer.path("distanceKm").asInt()).isEqualTo(shownKm(1.4));

        Point coarse = Locations.coarse(homeLat, homeLon);
        double shownLat = offer.path("approximateLocation").path("latitude").asDouble();
        double shownLon = offer.path("approximateLocation").path("longitude").asDouble();
        assertThat(shownLat).isEqualTo(coarse.latitude());
        assertThat(shownLon).isEqualTo(coarse.longitude());
        assertThat(new Point(shownLat, shownLon)).isNotEqualTo(new Point(homeLat, homeLon));
        assertThat(Locations.distanceKm(shownLat, shownLon, homeLat, homeLon)).isLessThan(1.0);

        String body = offer.toString();
        assertThat(body).doesNotContain((String) lastInstallation.get("addressLine"), "Teststra",
                exact(homeLat), exact(homeLon), "addressLine");

        OfferCreated event = offersCreatedFor(installer.id()).get(0);
        assertThat(event.distanceKm()).isEqualTo(shownKm(1.4));
        assertThat(event.approximateLocation()).isEqualTo(coarse);
        assertThat(event.toString()).doesNotContain((String) lastInstallation.get("addressLine"));
    }

    /** A coordinate to five decimals (about 1 m), as any JSON of the exact point would start. */
    private static String exact(double coordinate) {
        return new BigDecimal(Double.toString(coordinate)).setScale(5, RoundingMode.DOWN).toPlainString();
    }

    @Test
    void afterAcceptingTheJobShowsTheExactAddressAndMapLinks() {
        Installer installer = installer(1);
        paidOrder();
        JsonNode offer = offersOf(installer).get(0);

        Api.Response accepted = api.post("/api/v1/installer/offers/" + offer.path("offerId").asString() + "/accept",
                null, installer.access());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        Api.Response jobs = api.get("/api/v1/installer/jobs", installer.access());
        assertThat(jobs.status()).as(jobs.toString()).isEqualTo(200);
        JsonNode job = jobs.json().path("items").get(0);
        JsonNode address = job.path("address");
        assertThat(address.path("addressLine").asString()).isEqualTo(lastInstallation.get("addressLine"));
        assertThat(address.path("postalCode").asString()).isEqualTo(lastInstallation.get("postalCode"));
        assertThat(address.path("latitude").asDouble()).isEqualTo(homeLat);
        assertThat(address.path("longitude").asDouble()).isEqualTo(homeLon);
        assertThat(job.path("mapLinks").path("geo").asString()).isEqualTo(Locations.geoUri(homeLat, homeLon))
                .startsWith("geo:");
        assertThat(job.path("mapLinks").path("web").asString()).isEqualTo(Locations.webMapUrl(homeLat, homeLon))
                .startsWith("https://");
        assertThat(accepted.json().path("mapLinks").path("geo").asString())
                .isEqualTo(Locations.geoUri(homeLat, homeLon));
    }

    @Test
    void offersAndJobsWhenAnonymousThen401AndForACustomerThen403() {
        assertThat(api.get("/api/v1/installer/offers").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/installer/jobs").status()).isEqualTo(401);
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        assertThat(api.get("/api/v1/installer/offers", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/installer/jobs", customer).status()).isEqualTo(403);
    }
}
