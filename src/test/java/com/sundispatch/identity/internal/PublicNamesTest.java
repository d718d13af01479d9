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
    void aOneWordNameIsShownAsItsInitialOnlyAndABlankOneNotAtAll() {
        // A one-word name is often a surname alone: publishing it whole would say more than "Anna M." does.
        assertThat(PublicNames.of("Müller")).isEqualTo("M.");
        assertThat(PublicNames.of("   ")).isNull();
        assertThat(PublicNames.of(null)).isNull();
    }

    @Test
    void anInitialOutsideTheBasicPlaneStaysWhole() {
        assertThat(PublicNames.of("Anna \uD835\uDC00bc")).isEqualTo("Anna \uD835\uDC00.");
    }
}
