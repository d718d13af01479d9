package com.sundispatch.identity.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PepperedBcryptPasswordEncoderTest {

    private static final byte[] PEPPER = "unit-test-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final PepperedBcryptPasswordEncoder encoder = new PepperedBcryptPasswordEncoder(PEPPER, 10);

    @Test
    void encodedValueCarriesAlgorithmAndCostAndMatches() {
        String hash = encoder.encode("Sunny-meadow-lantern-2931");
        assertThat(hash).startsWith("{pbcrypt}$2b$10$");
        assertThat(encoder.matches("Sunny-meadow-lantern-2931", hash)).isTrue();
        assertThat(encoder.matches("Sunny-meadow-lantern-2932", hash)).isFalse();
    }

    @Test
    void sameSaltNeverRepeats() {
        assertThat(encoder.encode("Sunny-meadow-lantern-2931")).isNotEqualTo(encoder.encode("Sunny-meadow-lantern-2931"));
    }

    @Test
    void passwordsLongerThan72BytesThatDifferOnlyAfterByte72AreDistinguished() {
        String prefix = "x".repeat(80);
        String hash = encoder.encode(prefix + "A");
        assertThat(encoder.matches(prefix + "A", hash)).isTrue();
        assertThat(encoder.matches(prefix + "B", hash)).isFalse();
    }

    @Test
    void withoutThePepperTheHashIsUseless() {
        String hash = encoder.encode("Sunny-meadow-lantern-2931");
        var otherPepper = new PepperedBcryptPasswordEncoder("another-pepper-0123456789abcdefgh".getBytes(), 10);
        assertThat(otherPepper.matches("Sunny-meadow-lantern-2931", hash)).isFalse();
        // Nor does plain bcrypt of the password match the stored value.
        assertThat(new BCryptPasswordEncoder().matches("Sunny-meadow-lantern-2931", hash.substring(9))).isFalse();
    }

    @Test
    void lowerCostHashesAskForAnUpgrade() {
        String cost10 = encoder.encode("Sunny-meadow-lantern-2931");
        var cost12 = new PepperedBcryptPasswordEncoder(PEPPER, 12);
        assertThat(cost12.upgradeEncoding(cost10)).isTrue();
        assertThat(encoder.upgradeEncoding(cost10)).isFalse();
        assertThat(cost12.matches("Sunny-meadow-lantern-2931", cost10)).isTrue();
        assertThat(encoder.upgradeEncoding("$2a$10$plainbcryptwithoutid")).isTrue();
    }

    @Test
    void valuesOfOtherFormatsNeverMatch() {
        assertThat(encoder.matches("secret", "secret")).isFalse();
        assertThat(encoder.matches("secret", null)).isFalse();
    }

    @Test
    void nullPasswordEncodesToNullAsTheSpringSecurityContractSays() {
        assertThat(encoder.encode(null)).isNull();
        assertThat(encoder.matches(null, encoder.encode("Sunny-meadow-lantern-2931"))).isFalse();
    }
}
