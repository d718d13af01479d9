package com.sundispatch.billing.internal;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.sundispatch.billing.BillingProperties.PayoutBasis;
import com.sundispatch.billing.Vat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayoutRulesTest {

    @Test
    void netBasisTakesTheFeeFromTheNetAmount() {
        PayoutRules.Split s = PayoutRules.split(new BigDecimal("1190.00"), new BigDecimal("190.00"), PayoutBasis.NET,
                BigDecimal.valueOf(15));
        assertThat(s.vat()).isEqualByComparingTo("190.00");
        assertThat(s.base()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(s.fee()).isEqualTo(new BigDecimal("150.00"));
        assertThat(s.amount()).isEqualTo(new BigDecimal("850.00"));
    }

    @Test
    void grossBasisTakesTheFeeFromTheWholeTotal() {
        PayoutRules.Split s = PayoutRules.split(new BigDecimal("1190.00"), new BigDecimal("190.00"),
                PayoutBasis.GROSS, BigDecimal.valueOf(15));
        assertThat(s.vat()).isEqualTo(new BigDecimal("0.00"));
        assertThat(s.base()).isEqualTo(new BigDecimal("1190.00"));
        assertThat(s.fee()).isEqualTo(new BigDecimal("178.50"));
        assertThat(s.amount()).isEqualTo(new BigDecimal("1011.50"));
    }

    @Test
    void feeIsRoundedHalfUpToTheCent() {
        // 15 % of 0.10 is 0.015: half-up gives 0.02, so the installer gets 0.08.
        PayoutRules.Split s = PayoutRules.split(new BigDecimal("0.10"), BigDecimal.ZERO, PayoutBasis.NET,
                BigDecimal.valueOf(15));
        assertThat(s.fee()).isEqualTo(new BigDecimal("0.02"));
        assertThat(s.amount()).isEqualTo(new BigDecimal("0.08"));
    }

    @Test
    void partsAlwaysAddUpToTheBaseAndTheGrossForRandomAmountsAndFees() {
        Random random = new Random(17);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal gross = BigDecimal.valueOf(random.nextLong(0, 5_000_000_00L), 2);
            BigDecimal rate = BigDecimal.valueOf(random.nextInt(0, 300), 1);
            BigDecimal vat = Vat.split(gross, rate).vat();
            BigDecimal fee = BigDecimal.valueOf(random.nextInt(0, 3001), 2);
            for (PayoutBasis basis : PayoutBasis.values()) {
                PayoutRules.Split s = PayoutRules.split(gross, vat, basis, fee);
                String what = gross + " vat " + vat + " fee " + fee + "% " + basis;
                assertThat(s.fee().add(s.amount())).as(what).isEqualTo(s.base());
                assertThat(s.vat().add(s.base())).as(what).isEqualTo(gross);
                if (basis == PayoutBasis.NET) {
                    assertThat(vat.add(s.fee()).add(s.amount())).as(what).isEqualTo(gross);
                    assertThat(s.base()).as(what).isEqualTo(gross.subtract(vat));
                } else {
                    assertThat(s.base()).as(what).isEqualTo(gross);
                }
                for (BigDecimal part : new BigDecimal[] { s.vat(), s.base(), s.fee(), s.amount() }) {
                    assertThat(part.scale()).as(what).isEqualTo(2);
                    assertThat(part.signum()).as(what).isGreaterThanOrEqualTo(0);
                }
                assertThat(s.fee()).as(what).isEqualTo(Vat.percentOf(s.base(), fee));
            }
        }
    }

    @Test
    void vatAboveTheGrossOrNegativeAmountsAreRefused() {
        assertThatThrownBy(() -> PayoutRules.split(new BigDecimal("10.00"), new BigDecimal("10.01"),
                PayoutBasis.NET, BigDecimal.TEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayoutRules.split(new BigDecimal("-1.00"), BigDecimal.ZERO, PayoutBasis.NET,
                BigDecimal.TEN)).isInstanceOf(IllegalArgumentException.class);
    }
}
