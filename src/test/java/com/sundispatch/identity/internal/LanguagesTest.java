package com.sundispatch.identity.internal;

import org.junit.jupiter.api.Test;

import com.sundispatch.shared.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguagesTest {

    @Test
    void acceptLanguagePreferringGermanGivesGerman() {
        assertThat(Languages.fromAcceptLanguage("de")).isEqualTo("de");
        assertThat(Languages.fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).isEqualTo("de");
        assertThat(Languages.fromAcceptLanguage("de-AT")).isEqualTo("de");
        assertThat(Languages.fromAcceptLanguage("en;q=0.5, de-CH;q=0.9")).isEqualTo("de");
    }

    @Test
    void anythingElseGivesEnglish() {
        assertThat(Languages.fromAcceptLanguage(null)).isEqualTo("en");
        assertThat(Languages.fromAcceptLanguage("")).isEqualTo("en");
        assertThat(Languages.fromAcceptLanguage("en-US,de;q=0.9")).isEqualTo("en");
        assertThat(Languages.fromAcceptLanguage("fr-FR")).isEqualTo("en");
        assertThat(Languages.fromAcceptLanguage("*")).isEqualTo("en");
        assertThat(Languages.fromAcceptLanguage("de;q=0")).isEqualTo("en");
        assertThat(Languages.fromAcceptLanguage(";;;===")).isEqualTo("en");
    }

    @Test
    void onlySupportedLanguagesAreStored() {
        assertThat(Languages.require("de")).isEqualTo("de");
        assertThatThrownBy(() -> Languages.require("fr")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo("validation_failed");
    }
}
