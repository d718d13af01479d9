package com.sundispatch.identity;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Each account's language (en/de): chosen at registration or taken from the browser, shown and changed later. */
class AccountLanguageIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Accounts accounts;

    /** Registers with the given body extras and headers, waits for the account, signs in; returns the token. */
    private String registerAndSignIn(Map<String, Object> extra, Map<String, String> headers) {
        String email = uniqueEmail();
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", PASSWORD,
                "fullName", "Ada Lovelace"));
        body.putAll(extra);
        Api.Response r = api.send("POST", "/api/v1/auth/register", body, null, headers);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        awaitAccountRow(jdbc, email);
        return login(email, PASSWORD).access();
    }

    private String languageOf(String access) {
        return api.get("/api/v1/me", access).json().path("language").asString();
    }

    @Test
    void registerWithGermanThenAccountIsGermanEvenWhenTheBrowserPrefersEnglish() {
        String access = registerAndSignIn(Map.of("language", "de"), Map.of("Accept-Language", "en-US,en;q=0.9"));
        assertThat(languageOf(access)).isEqualTo("de");
    }

    @Test
    void registerWithoutLanguageThenTakenFromAcceptLanguage() {
        assertThat(languageOf(registerAndSignIn(Map.of(), Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.8"))))
                .isEqualTo("de");
        assertThat(languageOf(registerAndSignIn(Map.of(), Map.of("Accept-Language", "fr-FR,fr;q=0.9"))))
                .isEqualTo("en");
        assertThat(languageOf(registerAndSignIn(Map.of(), Map.of()))).isEqualTo("en");
    }

    @Test
    void registerWhenLanguageUnsupportedThenValidationFailedAndNoAccount() {
        String email = uniqueEmail();
        for (Object language : new Object[] {"fr", "DE", "", "english"}) {
            Api.Response r = api.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                    "fullName", "Ada Lovelace", "language", language));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
            assertThat(r.body()).contains("language");
        }
        assertThat(jdbc.queryForObject("select count(*) from users where email = ?", Integer.class, email))
                .isZero();
    }

    @Test
    void patchMeChangesTheLanguageWithoutStepUpAndOtherModulesSeeIt() {
        String access = registerAndSignIn(Map.of(), Map.of());
        String userId = api.get("/api/v1/me", access).json().path("id").asString();
        assertThat(accounts.contact(userId).orElseThrow().language()).isEqualTo("en");

        Api.Response r = api.patch("/api/v1/me", Map.of("language", "de"), access);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("language").asString()).isEqualTo("de");
        assertThat(languageOf(access)).isEqualTo("de");
        assertThat(accounts.contact(userId).orElseThrow().language()).isEqualTo("de");

        // Leaving the language out changes nothing.
        assertThat(api.patch("/api/v1/me", Map.of("fullName", "Ada King"), access).json().path("language")
                .asString()).isEqualTo("de");
    }

    @Test
    void patchMeWhenLanguageUnsupportedThenValidationFailedAndUnchanged() {
        String access = registerAndSignIn(Map.of("language", "de"), Map.of());
        Api.Response r = api.patch("/api/v1/me", Map.of("language", "fr"), access);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(languageOf(access)).isEqualTo("de");
    }
}
