package com.sundispatch.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VatTest {

    private static final List<BigDecimal> RATES = List.of(new BigDecimal("0"), new BigDecimal("7"),
            new BigDecimal("8.1"), new BigDecimal("10"), new BigDecimal("19"), new BigDecimal("20"),
            new BigDecimal("25"));

    // Fixed seed: a failure is reproducible, and the spread of 10,000 amounts still covers every rounding case.
    private final Random random = new Random(20261202L);

    private BigDecimal randomGross() {
        // 0.01 to 99,999.99 in cents.
        return BigDecimal.valueOf(1 + random.nextInt(9_999_999), 2);
    }

    private BigDecimal randomRate() {
        return RATES.get(random.nextInt(RATES.size()));
    }

    @Test
    void everySplitAddsUpToTheGrossExactlyInCents() {
        for (int i = 0; i < 10_000; i++) {
            BigDecimal gross = randomGross();
            BigDecimal rate = randomRate();
            Vat.Split s = Vat.split(gross, rate);
            String what = gross + " at " + rate;
            assertThat(s.net().add(s.vat())).as(what).isEqualTo(gross);
            assertThat(s.gross()).as(what).isEqualTo(gross);
            assertThat(s.net().scale()).as(what).isEqualTo(2);
            assertThat(s.vat().scale()).as(what).isEqualTo(2);
            assertThat(s.net()).as(what).isLessThanOrEqualTo(gross);
            assertThat(s.vat().signum()).as(what).isGreaterThanOrEqualTo(0);
            if (rate.signum() == 0) {
                assertThat(s.vat()).as(what).isEqualByComparingTo("0");
            }
        }
    }

    @Test
    void aDocumentsTotalsAreTheSumsOfItsLineSplits() {
        for (int doc = 0; doc < 2_000; doc++) {
            BigDecimal rate = randomRate();
            int lines = 1 + random.nextInt(8);
            List<Vat.Split> splits = new ArrayList<>();
            Vat.Split total = Vat.Split.zero(rate);
            for (int i = 0; i < lines; i++) {
                Vat.Split s = Vat.split(randomGross(), rate);
                splits.add(s);
                total = total.plus(s);
            }
            BigDecimal net = splits.stream().map(Vat.Split::net).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal vat = splits.stream().map(Vat.Split::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal gross = splits.stream().map(Vat.Split::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total.net()).isEqualTo(net);
            assertThat(total.vat()).isEqualTo(vat);
            assertThat(total.gross()).isEqualTo(gross);
            assertThat(total.net().add(total.vat())).isEqualTo(total.gross());
            assertThat(total.rate()).isEqualTo(rate);
        }
    }

    @Test
    void knownValues() {
        assertSplit("119.00", "19", "100.00", "19.00");
        assertSplit("0.01", "19", "0.01", "0.00");
        assertSplit("100.00", "19", "84.03", "15.97");
        assertSplit("1.19", "19", "1.00", "0.19");
        assertSplit("108.10", "8.1", "100.00", "8.10");
        assertSplit("100.00", "8.1", "92.51", "7.49");
        assertSplit("0.05", "8.1", "0.05", "0.00");
        assertSplit("120.00", "20", "100.00", "20.00");
        assertSplit("107.00", "7", "100.00", "7.00");
        assertSplit("50.00", "0", "50.00", "0.00");
        assertSplit("99999.99", "25", "79999.99", "20000.00");
    }

    @Test
    void grossIsRoundedHalfUpToTheCentFirst() {
        Vat.Split s = Vat.split(new BigDecimal("119.005"), new BigDecimal("19"));
        assertThat(s.gross()).isEqualTo("119.01");
        assertThat(s.net().add(s.vat())).isEqualTo("119.01");
    }

    @Test
    void ratesOutsideZeroToBelowHundredAreRefused() {
        assertThatThrownBy(() -> Vat.split(BigDecimal.TEN, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vat.split(BigDecimal.TEN, new BigDecimal("100")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentOfRoundsHalfUpToTheCent() {
        assertThat(Vat.percentOf(new BigDecimal("100.00"), new BigDecimal("15"))).isEqualTo("15.00");
        assertThat(Vat.percentOf(new BigDecimal("0.10"), new BigDecimal("15"))).isEqualTo("0.02");
        assertThat(Vat.percentOf(new BigDecimal("0.03"), new BigDecimal("15"))).isEqualTo("0.00");
    }

    private static void assertSplit(String gross, String rate, String net, String vat) {
        Vat.Split s = Vat.split(new BigDecimal(gross), new BigDecimal(rate));
        assertThat(s.net()).as(gross + " at " + rate).isEqualTo(net);
        assertThat(s.vat()).as(gross + " at " + rate).isEqualTo(vat);
        assertThat(s.gross()).isEqualTo(gross);
    }
}
