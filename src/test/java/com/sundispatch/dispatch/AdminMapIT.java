package com.sundispatch.dispatch;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins see jobs not yet assigned, with their exact point, and installers' service areas. */
class AdminMapIT extends DispatchFixtures {

    private static final String MAP = "/api/v1/admin/map";

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private JsonNode jobOf(JsonNode map, String orderId) {
        return list(map.path("jobs")).stream().filter(j -> j.path("orderId").asString().equals(orderId)).findFirst()
                .orElse(null);
    }

    @Test
    void mapShowsOpenJobsWithTheirExactPointAndServiceAreasButNotAssignedJobs() {
        Installer installer = installer(2);
        Paid paid = paidOrder();

        Api.Response r = api.get(MAP, adminToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode job = jobOf(r.json(), paid.orderId());
        assertThat(job).as("the new job is on the map").isNotNull();
        assertThat(job.path("status").asString()).isEqualTo("DISPATCHING");
        assertThat(job.path("latitude").asDouble()).isEqualTo(homeLat);
        assertThat(job.path("longitude").asDouble()).isEqualTo(homeLon);
        assertThat(job.path("city").asString()).isEqualTo(lastInstallation.get("city"));
        assertThat(job.path("postalCode").asString()).isEqualTo(lastInstallation.get("postalCode"));
        assertThat(job.path("panelCount").asInt()).isEqualTo(6);
        assertThat(job.path("window").path("start").asString()).isNotBlank();
        assertThat(job.path("jobId").asString()).isNotBlank();
        assertThat(r.json().path("jobsLimit").asInt()).isEqualTo(500);
        assertThat(r.json().path("jobs").size()).isLessThanOrEqualTo(500);
        JsonNode area = list(r.json().path("installers")).stream()
                .filter(i -> i.path("installerId").asString().equals(installer.id())).findFirst().orElseThrow();
        assertThat(area.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(area.path("latitude").asDouble()).isEqualTo(homeLat + 2 / 111.2);
        assertThat(area.path("longitude").asDouble()).isEqualTo(homeLon);
        assertThat(area.path("serviceRadiusKm").asInt()).isEqualTo(50);
        assertThat(area.path("companyName").asString()).isEqualTo("Sun & Sons GmbH");

        String offerId = offersOf(installer).get(0).path("offerId").asString();
        assertThat(api.post("/api/v1/installer/offers/" + offerId + "/accept", null, installer.access()).status())
                .isEqualTo(200);
        assertThat(jobOf(api.get(MAP, adminToken()).json(), paid.orderId())).as("assigned jobs leave the map")
                .isNull();
    }

    @Test
    void mapWhenAnonymousThen401AndForCustomersAndInstallersThen403() {
        assertThat(api.get(MAP).status()).isEqualTo(401);
        String customer = login(registerVerifiedCustomer(), PASSWORD).access();
        assertThat(api.get(MAP, customer).status()).isEqualTo(403);
        assertThat(api.get(MAP, installer(1).access()).status()).isEqualTo(403);
    }
}
