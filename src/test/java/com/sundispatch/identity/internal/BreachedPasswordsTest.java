package com.sundispatch.identity.internal;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BreachedPasswordsTest {

    @Test
    void theShippedListHoldsAtLeastOneHundredThousandPasswords() {
        assertThat(BreachedPasswords.size()).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void commonAndWellKnownPasswordsAreMembers() {
        for (String p : new String[] { "123456", "password", "qwertyuiop123", "iloveyou", "trustno1",
                "correct horse battery staple", "password123456", "password12345" }) {
            assertThat(BreachedPasswords.contains(p)).as(p).isTrue();
        }
    }

    @Test
    void membershipIgnoresCaseWidthAndSeparators() {
        assertThat(BreachedPasswords.contains("PassWord")).isTrue();
        assertThat(BreachedPasswords.contains("Ｐａｓｓｗｏｒｄ")).isTrue();
        assertThat(BreachedPasswords.contains("Correct-Horse_Battery.Staple")).isTrue();
    }

    @Test
    void randomPasswordsAreNotMembers() {
        for (int i = 0; i < 1000; i++) {
            String random = "Zq7!" + UUID.randomUUID();
            assertThat(BreachedPasswords.contains(random)).as(random).isFalse();
        }
        assertThat(BreachedPasswords.contains("Sunny-meadow-lantern-2931")).isFalse();
        assertThat(BreachedPasswords.contains("")).isFalse();
        assertThat(BreachedPasswords.contains(null)).isFalse();
    }
}
