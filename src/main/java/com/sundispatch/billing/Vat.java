package com.sundispatch.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * VAT arithmetic on gross prices. The net amount is taken out of the gross and rounded half-up to the cent; the
 * VAT is the difference, so {@code net + vat = gross} holds exactly for every amount by construction.
 */
public final class Vat {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One amount split into its net and VAT parts at {@code rate} percent. */
    public record Split(BigDecimal net, BigDecimal vat, BigDecimal gross, BigDecimal rate) {

        /** The sum of two splits at the same rate (an order's total from its lines). */
        public Split plus(Split other) {
            return new Split(net.add(other.net), vat.add(other.vat), gross.add(other.gross), rate);
        }

        public static Split zero(BigDecimal rate) {
            BigDecimal z = BigDecimal.ZERO.setScale(2);
            return new Split(z, z, z, rate);
        }
    }

    private Vat() {
    }

    /** Splits a gross amount (rounded to the cent first) at {@code ratePercent}, e.g. 19 or 8.1. */
    public static Split split(BigDecimal gross, BigDecimal ratePercent) {
        if (ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("VAT rate out of range: " + ratePercent);
        }
        BigDecimal g = cents(gross);
        BigDecimal net = g.multiply(HUNDRED).divide(HUNDRED.add(ratePercent), 2, RoundingMode.HALF_UP);
        return new Split(net, g.subtract(net), g, ratePercent);
    }

    /** {@code percent} of {@code amount}, rounded half-up to the cent (a fee). */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return cents(amount.multiply(percent).divide(HUNDRED, 10, RoundingMode.HALF_UP));
    }

    /** An amount to the cent, half-up: the one rounding step every money value goes through. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
