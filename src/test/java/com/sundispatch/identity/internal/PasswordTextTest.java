package com.sundispatch.identity.internal;

import org.junit.jupiter.api.Test;

import com.sundispatch.shared.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordTextTest {

    @Test
    void fullwidthAndCompatibilityFormsBecomeTheirPlainForm() {
        assertThat(PasswordText.normalise("Ｐａｓｓｗｏｒｄ１２３４５", "password")).isEqualTo("Password12345");
        assertThat(PasswordText.normalise("ﬁre-ﬂy-①②", "password")).isEqualTo("fire-fly-12");
        // A decomposed é (e + combining acute) is the composed one.
        assertThat(PasswordText.normalise("caf\u0065\u0301-Sunny-42", "password")).isEqualTo("caf\u00e9-Sunny-42");
    }

    @Test
    void normalisingTwiceChangesNothing() {
        String once = PasswordText.normalise("Ｓｕｎｎｙ－ｍｅａｄｏｗ", "password");
        assertThat(PasswordText.normalise(once, "password")).isEqualTo(once).isEqualTo("Sunny-meadow");
    }

    @Test
    void unpairedSurrogatesAreRefusedNamingTheField() {
        for (String bad : new String[] { "abc\ud800def-123456", "abc\udc00def-123456", "abc\udc00\ud800def-12",
                "trailing-high-\ud83d", "\ude00-leading-low" }) {
            assertThat(PasswordText.problem(bad)).as(bad).isPresent();
            assertThatThrownBy(() -> PasswordText.normalise(bad, "newPassword")).isInstanceOfSatisfying(
                    ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo("validation_failed");
                        assertThat(e.errors().get(0).field()).isEqualTo("newPassword");
                    });
        }
    }

    @Test
    void controlCharactersAreRefused() {
        for (String bad : new String[] { "Sunny\u0000meadow-42", "Sunny\nmeadow-42", "Sunny\tmeadow-42",
                "Sunny\u007fmeadow-42", "Sunny\u0085meadow-42", "Sunny\u001b[31mmeadow-42" }) {
            assertThat(PasswordText.problem(bad)).as(bad).isPresent();
        }
    }

    @Test
    void pairedSurrogatesFormatCharactersAndOtherScriptsAreAllowed() {
        assertThat(PasswordText.problem("sun-\ud83d\ude00-meadow-42")).isEmpty();
        assertThat(PasswordText.problem("family-\ud83d\udc68\u200d\ud83d\udc69-42")).isEmpty();
        assertThat(PasswordText.problem("Солнце-луг-фонарь-2931")).isEmpty();
        assertThat(PasswordText.problem("with spaces inside 42")).isEmpty();
        assertThat(PasswordText.problem(null)).isEmpty();
    }
}
