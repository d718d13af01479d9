package com.sundispatch.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsIT extends IntegrationTest {

    @Test
    void sessionsListShowsDeviceIpAndWhichIsCurrent() {
        String email = registerCustomer();
        Api.Response phone = api.send("POST", "/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD), null, Map.of("User-Agent", "SunPhone/1.0"));
        Tokens laptop = login(email, PASSWORD);
        Api.Response r = api.get("/api/v1/me/sessions", laptop.access());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(2);
        JsonNode phoneSession = null;
        for (JsonNode s : r.json()) {
            if (s.path("device").asString().equals("SunPhone/1.0")) {
                phoneSession = s;
            }
        }
        assertThat(phoneSession).isNotNull();
        assertThat(phoneSession.path("current").asBoolean()).isFalse();
        assertThat(phoneSession.path("ip").asString()).isNotBlank();
        assertThat(phoneSession.has("createdAt")).isTrue();
        assertThat(phoneSession.has("lastUsedAt")).isTrue();
        assertThat(phone.status()).isEqualTo(200);
    }

    @Test
    void deleteSessionKillsItsAccessAndRefreshTokensAtOnce() {
        String email = registerCustomer();
        Tokens other = login(email, PASSWORD);
        Tokens mine = login(email, PASSWORD);
        String otherId = null;
        for (JsonNode s : api.get("/api/v1/me/sessions", mine.access()).json()) {
            if (!s.path("current").asBoolean()) {
                otherId = s.path("id").asString();
            }
        }
        assertThat(api.send("DELETE", "/api/v1/me/sessions/" + otherId, null, mine.access(), Map.of()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", other.access()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", other.refresh())).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", mine.access()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/sessions", mine.access()).json().size()).isEqualTo(1);
    }

    @Test
    void deleteSomeoneElsesSessionThen404AndItSurvives() {
        Tokens victim = newCustomerSession();
        String victimSession = api.get("/api/v1/me/sessions", victim.access()).json().get(0).path("id").asString();
        Tokens attacker = newCustomerSession();
        Api.Response r = api.send("DELETE", "/api/v1/me/sessions/" + victimSession, null, attacker.access(), Map.of());
        assertThat(r.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", victim.access()).status()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereElseEndsEveryOtherSessionAndKeepsThisOne() {
        String email = registerCustomer();
        Tokens phone = login(email, PASSWORD);
        Tokens tablet = login(email, PASSWORD);
        Tokens mine = login(email, PASSWORD);
        Tokens someoneElse = newCustomerSession();

        Api.Response r = api.send("DELETE", "/api/v1/me/sessions", null, mine.access(), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        for (Tokens ended : new Tokens[] {phone, tablet}) {
            assertThat(api.get("/api/v1/me", ended.access()).status()).isEqualTo(401);
            assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", ended.refresh())).status())
                    .isEqualTo(401);
        }
        assertThat(api.get("/api/v1/me", mine.access()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/sessions", mine.access()).json().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/me", someoneElse.access()).status()).isEqualTo(200);
    }

    @Test
    void sessionsWhenAnonymousThen401() {
        assertThat(api.send("DELETE", "/api/v1/me/sessions", null, null, Map.of()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me/sessions").status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/v1/me/sessions/x", null, null, Map.of()).status()).isEqualTo(401);
    }
}
