package com.sundispatch.billing.internal;

import java.math.BigDecimal;

import com.sundispatch.billing.BillingProperties.PayoutBasis;
import com.sundispatch.billing.Vat;

/**
 * How a confirmed order's money is divided (docs/money.md "Payouts and earnings"). Only the fee is rounded; the
 * payout is what remains of the base, so {@code fee + payout = base} holds to the cent for every amount.
 */
final class PayoutRules {

    /** {@code vat} is the part that goes to the tax office from the payout's side: zero on the GROSS basis. */
    record Split(BigDecimal vat, BigDecimal base, BigDecimal fee, BigDecimal amount) {
    }

    private PayoutRules() {
    }

    static Split split(BigDecimal gross, BigDecimal vat, PayoutBasis basis, BigDecimal feePercent) {
        BigDecimal g = Vat.cents(gross);
        BigDecimal v = Vat.cents(vat);
        if (g.signum() < 0 || v.signum() < 0 || v.compareTo(g) > 0) {
            throw new IllegalArgumentException("Gross and VAT must be amounts with 0 <= VAT <= gross");
        }
        if (feePercent.signum() < 0 || feePercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("The platform fee must be from 0 to below 100 percent");
        }
        BigDecimal remitted = basis == PayoutBasis.NET ? v : BigDecimal.ZERO.setScale(2);
        BigDecimal base = g.subtract(remitted);
        BigDecimal fee = Vat.percentOf(base, feePercent);
        return new Split(remitted, base, fee, base.subtract(fee));
    }
}
