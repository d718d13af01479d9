package com.sundispatch.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sundispatch.security.Secrets;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashingTest {

    private static final byte[] KEY = "unit-test-key-0123456789-abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);

    private final PasswordHashing hashing = new PasswordHashing(new Secrets(KEY, KEY, KEY, KEY),
            new IdentityProperties(10, 1, 4, Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofDays(30), true,
                    null, null, "Administrator", Duration.ofMinutes(5)));
    private final PepperedBcryptPasswordEncoder encoder = new PepperedBcryptPasswordEncoder(KEY, 10);

    @AfterEach
    void stop() {
        hashing.destroy();
    }

    @Test
    void fullwidthAndPlainSpellingsAreOnePassword() {
        String hash = hashing.hash("Ｓｕｎｎｙ－ｍｅａｄｏｗ－４２");
        assertThat(hashing.verify("Sunny-meadow-42", hash)).isEqualTo(PasswordHashing.Match.YES);
        assertThat(hashing.verify("Ｓｕｎｎｙ－ｍｅａｄｏｗ－４２", hash)).isEqualTo(PasswordHashing.Match.YES);
        assertThat(hashing.verify("Sunny-meadow-43", hash)).isEqualTo(PasswordHashing.Match.NO);
    }

    @Test
    void aHashOfTheFormAsTypedStillMatchesAndAsksForARehash() {
        String legacy = encoder.encode("Ｓｕｎｎｙ－ｍｅａｄｏｗ－４２");
        assertThat(hashing.verify("Ｓｕｎｎｙ－ｍｅａｄｏｗ－４２", legacy)).isEqualTo(PasswordHashing.Match.LEGACY);
        assertThat(hashing.matches("Ｓｕｎｎｙ－ｍｅａｄｏｗ－４２", legacy)).isTrue();
        assertThat(hashing.verify("Sunny-meadow-42", legacy)).isEqualTo(PasswordHashing.Match.NO);
    }

    @Test
    void lonelySurrogatesNoLongerCollapseIntoOnePassword() {
        // Before, both became "?" in UTF-8 and so opened the same account.
        String legacy = encoder.encode("Sunny-\ud800-meadow-42");
        assertThat(encoder.matches("Sunny-\udbff-meadow-42", legacy)).isTrue();
        assertThat(hashing.verify("Sunny-\udbff-meadow-42", legacy)).isEqualTo(PasswordHashing.Match.NO);
        assertThat(hashing.verify("Sunny-\ud800-meadow-42", legacy)).isEqualTo(PasswordHashing.Match.NO);
    }

    @Test
    void unknownAccountsNeverMatchWhateverThePassword() {
        assertThat(hashing.matchesNobody("Ｓｕｎｎｙ－ｍｅａｄｏｗ－４２")).isFalse();
        assertThat(hashing.matchesNobody("Sunny-\ud800")).isFalse();
    }
}
