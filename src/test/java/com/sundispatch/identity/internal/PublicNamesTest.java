package com.sundispatch.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicNamesTest {

    @Test
    void firstNameAndTheInitialOfTheLastName() {
        assertThat(PublicNames.of("Anna Müller")).isEqualTo("Anna M.");
        assertThat(PublicNames.of("  Anna   Maria  müller ")).isEqualTo("Anna M.");
        assertThat(PublicNames.of("Ada Lovelace")).isEqualTo("Ada L.");
    }

    @Test
    void aOneWordNameIsShownAsGivenAndABlankOneNotAtAll() {
        assertThat(PublicNames.of("Cher")).isEqualTo("Cher");
        assertThat(PublicNames.of("   ")).isNull();
        assertThat(PublicNames.of(null)).isNull();
    }

    @Test
    void anInitialOutsideTheBasicPlaneStaysWhole() {
        assertThat(PublicNames.of("Anna \uD835\uDC00bc")).isEqualTo("Anna \uD835\uDC00.");
    }
}
