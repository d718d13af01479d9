package com.sundispatch.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** "Was this you?": my own sign-ins, failures and security changes of 90 days, coarse and readable. */
class SignInHistoryIT extends IntegrationTest {

    private static final String CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    private Tokens loginWithBrowser(String email) {
        Api.Response r = api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null,
                Map.of("User-Agent", CHROME_LINUX));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new Tokens(r.json().path("accessToken").asString(), r.json().path("refreshToken").asString());
    }

    private Api.Response history(String access) {
        return api.get("/api/v1/me/security-events", access);
    }

    private static List<String> kinds(Api.Response r) {
        return r.json().path("items").findValuesAsString("kind");
    }

    @Test
    void historyShowsMySignInsAndFailuresNewestFirstWithADeviceAndANetworkPrefixOnly() {
        String email = registerVerifiedCustomer();
        api.post("/api/v1/auth/login", Map.of("email", email, "password", "Wrong-password-123456"));
        Tokens t = loginWithBrowser(email);

        eventually("the sign-in and the failure are in the history", () -> {
            List<String> k = kinds(history(t.access()));
            return k.contains("sign_in") && k.contains("sign_in_failed");
        });
        Api.Response r = history(t.access());
        assertThat(r.status()).isEqualTo(200);
        JsonNode newest = r.json().path("items").get(0);
        assertThat(newest.path("kind").asString()).isEqualTo("sign_in");
        assertThat(newest.path("outcome").asString()).isEqualTo("success");
        assertThat(newest.path("browser").asString()).isEqualTo("Chrome");
        assertThat(newest.path("operatingSystem").asString()).isEqualTo("Linux");
        assertThat(newest.path("network").asString()).isEqualTo("127.0.0.0/24");
        assertThat(r.body()).doesNotContain("127.0.0.1").doesNotContain("wrong_password").doesNotContain("detail")
                .doesNotContain("LOGIN_").doesNotContain("Mozilla");
        JsonNode failure = null;
        for (JsonNode item : r.json().path("items")) {
            if ("sign_in_failed".equals(item.path("kind").asString())) {
                failure = item;
            }
        }
        assertThat(failure).isNotNull();
        assertThat(failure.path("outcome").asString()).isEqualTo("failure");
        Instant previous = Instant.MAX;
        for (JsonNode item : r.json().path("items")) {
            Instant at = Instant.parse(item.path("at").asString());
            assertThat(at).isBeforeOrEqualTo(previous);
            previous = at;
        }
        assertThat(r.json().path("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(r.json().has("page")).isTrue();
    }

    @Test
    void anotherUsersFailuresNeverAppearInMine() {
        String mine = registerVerifiedCustomer();
        String theirs = registerVerifiedCustomer();
        for (int i = 0; i < 2; i++) {
            api.post("/api/v1/auth/login", Map.of("email", theirs, "password", "Wrong-password-123456"));
        }
        Tokens them = login(theirs, PASSWORD);
        eventually("their failures are audited", () -> kinds(history(them.access())).contains("sign_in_failed"));
        Tokens me = login(mine, PASSWORD);
        eventually("my sign-in is audited", () -> kinds(history(me.access())).contains("sign_in"));

        Api.Response r = history(me.access());
        assertThat(kinds(r)).doesNotContain("sign_in_failed");
        for (JsonNode item : r.json().path("items")) {
            assertThat(item.path("id").asString()).isNotBlank();
        }
        assertThat(r.json().path("totalItems").asLong()).isEqualTo(r.json().path("items").size());
    }

    @Test
    void entriesOlderThan90DaysAreNotShown() {
        String email = registerVerifiedCustomer();
        Tokens first = login(email, PASSWORD);
        eventually("the first sign-in is audited", () -> kinds(history(first.access())).contains("sign_in"));

        clock.advance(Duration.ofDays(91));
        Tokens later = login(email, PASSWORD);
        eventually("the later sign-in is audited", () -> kinds(history(later.access())).contains("sign_in"));
        Api.Response r = history(later.access());
        Instant cutoff = clock.instant().minus(Duration.ofDays(90));
        assertThat(r.json().path("items").size()).isPositive();
        for (JsonNode item : r.json().path("items")) {
            assertThat(Instant.parse(item.path("at").asString())).isAfter(cutoff);
        }
        assertThat(kinds(r)).containsOnlyOnce("sign_in");
    }

    @Test
    void historyIsPagedAndNeedsASignedInCaller() {
        assertThat(history(null).status()).isEqualTo(401);
        String email = registerVerifiedCustomer();
        login(email, PASSWORD);
        Tokens t = login(email, PASSWORD);
        eventually("both sign-ins are audited", () -> history(t.access()).json().path("totalItems").asLong() >= 3);
        Api.Response one = api.get("/api/v1/me/security-events?page=0&size=1", t.access());
        assertThat(one.json().path("items").size()).isEqualTo(1);
        assertThat(one.json().path("size").asInt()).isEqualTo(1);
        Api.Response bad = api.get("/api/v1/me/security-events?page=-1", t.access());
        assertThat(bad.status()).isEqualTo(400);
    }
}
