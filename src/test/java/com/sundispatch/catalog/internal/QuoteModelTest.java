package com.sundispatch.catalog.internal;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteModelTest {

    @Test
    void berlinHouseholdOf300KwhAMonthNeedsAbout3Kwp() {
        // 3600 kWh a year; 3.2 h x 365 x 0.8 = 934.4 kWh per kWp; 3.853 kWp; 440 Wp panels -> 9 panels.
        QuoteModel.Sizing s = QuoteModel.size(300, 52.52, 440);
        assertThat(s.peakSunHours()).isEqualTo(3.2);
        assertThat(s.panelCount()).isEqualTo(9);
        assertThat(s.systemKwp()).isEqualByComparingTo(new BigDecimal("3.960"));
        assertThat(s.annualProductionKwh()).isEqualTo(Math.round(3.96 * 934.4));
        assertThat(s.annualProductionKwh()).isGreaterThanOrEqualTo(3600);
    }

    @Test
    void sunnierLatitudesNeedFewerPanels() {
        assertThat(QuoteModel.size(300, 37.4, 440).panelCount()).isLessThan(QuoteModel.size(300, 52.5, 440).panelCount());
        assertThat(QuoteModel.peakSunHours(-33.9)).isEqualTo(QuoteModel.peakSunHours(33.9));
    }

    @Test
    void atLeastOnePanelAndNeverMoreThan500() {
        assertThat(QuoteModel.size(1, 10, 700).panelCount()).isEqualTo(1);
        assertThat(QuoteModel.size(100_000, 70, 350).panelCount()).isEqualTo(500);
    }

    @Test
    void exactFitNeedsNoExtraPanel() {
        // 934.4 kWh/kWp at 52 deg: 4 panels of 250 Wp produce exactly 934.4 kWh = 77.8667 kWh a month.
        assertThat(QuoteModel.size(934.4 / 12, 52, 250).panelCount()).isEqualTo(4);
    }
}
