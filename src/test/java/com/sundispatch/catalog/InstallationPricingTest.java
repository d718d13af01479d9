package com.sundispatch.catalog;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstallationPricingTest {

    private final InstallationPricing pricing = new InstallationPricing(new BigDecimal("490.00"), new BigDecimal("45.00"));

    @Test
    void baseFeePlusPerPanel() {
        assertThat(pricing.feeFor(1)).isEqualByComparingTo("535.00");
        assertThat(pricing.feeFor(10)).isEqualByComparingTo("940.00");
    }

    @Test
    void noPanelsNoFee() {
        assertThat(pricing.feeFor(0)).isEqualByComparingTo("0.00");
    }
}
