package com.sundispatch.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Installers' public profiles, the landing page's reviews, and the customer's view linking to them. */
class PublicInstallerProfileIT extends DispatchFixtures {

    /** A completed job reviewed a month after everything else, so its review is the newest of the whole suite. */
    private Held reviewedJob(int rating, String comment) {
        Held held = at(completedJob(), clock.instant().plus(Duration.ofDays(30)));
        Api.Response r = api.post("/api/v1/installations/" + held.jobId() + "/review",
                Map.of("rating", rating, "comment", comment), held.customer().access());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return held;
    }

    @Test
    void anyoneReadsAnInstallersProfileWithAreaRatingAndReviewsByFirstNameAndInitialOnly() {
        Held held = reviewedJob(4, "Tidy work, on time.");
        Api.Response r = api.get("/api/v1/public/installers/" + held.installer().id());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.path("id").asString()).isEqualTo(held.installer().id());
        assertThat(p.path("company").asString()).isEqualTo("Sun & Sons GmbH");
        assertThat(p.path("area").path("city").asString()).startsWith("Testort");
        assertThat(p.path("area").path("postalCode").asString()).startsWith("T");
        assertThat(p.path("area").path("country").asString()).isEqualTo("DE");
        assertThat(p.path("area").path("radiusKm").asInt()).isEqualTo(50);
        assertThat(p.path("area").has("addressLine")).isFalse();
        assertThat(Instant.parse(p.path("verifiedSince").asString())).isBefore(clock.instant());
        assertThat(p.path("rating").path("average").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(p.path("rating").path("count").asLong()).isEqualTo(1);
        assertThat(p.path("reviews")).hasSize(1);
        JsonNode review = p.path("reviews").get(0);
        assertThat(review.path("rating").asInt()).isEqualTo(4);
        assertThat(review.path("comment").asString()).isEqualTo("Tidy work, on time.");
        assertThat(review.path("author").asString()).isEqualTo("Ada L.");
        assertThat(review.path("createdAt").asString()).isNotBlank();
        String customerId = api.get("/api/v1/me", held.customer().access()).json().path("id").asString();
        assertThat(r.body()).doesNotContain(held.customer().email()).doesNotContain(customerId)
                .doesNotContain(held.installer().email()).doesNotContain("+49 30").doesNotContain("LIC-")
                .doesNotContain(held.jobId());
    }

    @Test
    void aProfileWithoutReviewsHasNoAverage() {
        Installer installer = installer(1);
        JsonNode p = api.get("/api/v1/public/installers/" + installer.id()).json();
        assertThat(p.path("rating").path("average").isNull()).isTrue();
        assertThat(p.path("rating").path("count").asLong()).isZero();
        assertThat(p.path("reviews")).isEmpty();
    }

    @Test
    void unknownIdsCustomersAndRevokedOrBannedInstallersAre404Alike() {
        Api.Response unknown = api.get("/api/v1/public/installers/no-such-installer");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
        String customerId = api.get("/api/v1/me", login(registerVerifiedCustomer(), PASSWORD).access()).json()
                .path("id").asString();
        assertThat(api.get("/api/v1/public/installers/" + customerId).code()).isEqualTo("not_found");
        assertThat(api.get("/api/v1/public/installers/" + "x".repeat(65)).status()).isEqualTo(400);

        Installer revoked = installer(2);
        assertThat(api.get("/api/v1/public/installers/" + revoked.id()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/installers/" + revoked.id() + "/revoke", Map.of("reason", "licence expired"),
                adminToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/public/installers/" + revoked.id()).code()).isEqualTo("not_found");

        Installer banned = installer(3);
        assertThat(api.post("/api/v1/admin/users/" + banned.id() + "/ban", Map.of("reason", "fraud"), adminToken())
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/public/installers/" + banned.id()).code()).isEqualTo("not_found");
    }

    @Test
    void theLandingPageShowsTheLatestReviewsWithCompanyAndInstallerAndTheOverallRating() {
        Held held = reviewedJob(5, "Excellent.");
        Api.Response r = api.get("/api/v1/public/reviews?size=1");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("items")).hasSize(1);
        JsonNode item = r.json().path("items").get(0);
        assertThat(item.path("rating").asInt()).isEqualTo(5);
        assertThat(item.path("comment").asString()).isEqualTo("Excellent.");
        assertThat(item.path("author").asString()).isEqualTo("Ada L.");
        assertThat(item.path("company").asString()).isEqualTo("Sun & Sons GmbH");
        assertThat(item.path("installerId").asString()).isEqualTo(held.installer().id());
        assertThat(item.path("createdAt").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain(held.customer().email()).doesNotContain(held.jobId());
        JsonNode rating = r.json().path("rating");
        assertThat(rating.path("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rating.path("average").decimalValue()).isBetween(java.math.BigDecimal.ONE,
                java.math.BigDecimal.valueOf(5));
        assertThat(rating.path("average").decimalValue().scale()).isLessThanOrEqualTo(1);

        JsonNode byDefault = api.get("/api/v1/public/reviews").json();
        assertThat(byDefault.path("items").size()).isBetween(1, 6);
        Instant previous = Instant.MAX;
        for (JsonNode i : byDefault.path("items")) {
            Instant at = Instant.parse(i.path("createdAt").asString());
            assertThat(at).isBeforeOrEqualTo(previous);
            previous = at;
        }

        assertThat(api.post("/api/v1/admin/installers/" + held.installer().id() + "/revoke",
                Map.of("reason", "complaints"), adminToken()).status()).isEqualTo(200);
        api.get("/api/v1/public/reviews?size=20").json().path("items").forEach(
                i -> assertThat(i.path("installerId").asString()).isNotEqualTo(held.installer().id()));
    }

    @Test
    void aCommentWithBidiOverridesOrControlCharactersIsRefusedAndNothingIsPublished() {
        Held held = completedJob();
        for (String comment : new String[] { "Great \u202Eenohp ym llac", "Fine\u2066work", "bell\u0007",
                "mark\u200F" }) {
            Api.Response r = api.post("/api/v1/installations/" + held.jobId() + "/review",
                    Map.of("rating", 5, "comment", comment), held.customer().access());
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
        }
        assertThat(api.get("/api/v1/public/installers/" + held.installer().id()).json().path("reviews")).isEmpty();
        Api.Response ok = api.post("/api/v1/installations/" + held.jobId() + "/review",
                Map.of("rating", 5, "comment", "Sehr gut.\nGerne wieder: Müller & Söhne, ümlauts and emoji ☀"),
                held.customer().access());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    }

    @Test
    void reviewsSizeOutside1To20Is400() {
        for (String size : new String[] { "0", "21", "-1", "abc" }) {
            Api.Response r = api.get("/api/v1/public/reviews?size=" + size);
            assertThat(r.status()).as(size).isEqualTo(400);
            assertThat(r.code()).as(size).isEqualTo("validation_failed");
        }
        assertThat(api.get("/api/v1/public/reviews?size=20").status()).isEqualTo(200);
    }

    @Test
    void theCustomersInstallationCarriesTheInstallersIdAndCompanyAndTheirReviewOnceWritten() {
        Held held = completedJob();
        String path = "/api/v1/orders/" + held.paid().orderId() + "/installation";
        JsonNode before = api.get(path, held.customer().access()).json();
        assertThat(before.path("installer").path("id").asString()).isEqualTo(held.installer().id());
        assertThat(before.path("installer").path("companyName").asString()).isEqualTo("Sun & Sons GmbH");
        assertThat(before.path("reviewed").asBoolean()).isFalse();
        assertThat(before.has("review")).isTrue();
        assertThat(before.path("review").isNull()).isTrue();

        assertThat(api.post("/api/v1/installations/" + held.jobId() + "/review",
                Map.of("rating", 3, "comment", "Good, but late."), held.customer().access()).status()).isEqualTo(201);
        JsonNode after = api.get(path, held.customer().access()).json();
        assertThat(after.path("reviewed").asBoolean()).isTrue();
        assertThat(after.path("review").path("rating").asInt()).isEqualTo(3);
        assertThat(after.path("review").path("comment").asString()).isEqualTo("Good, but late.");
        assertThat(after.path("review").path("createdAt").asString()).isNotBlank();

        // Someone else's order stays hidden, with or without a token.
        Api.Response stranger = api.get(path, login(registerVerifiedCustomer(), PASSWORD).access());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(api.get(path).status()).isEqualTo(401);
    }
}
