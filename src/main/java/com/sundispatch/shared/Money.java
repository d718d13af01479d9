package com.sundispatch.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money as the API shows it: {@code {"amount":"1234.50","currency":"EUR"}}, the amount a decimal
 * string so that no client parses it into a floating-point number.
 */
public record Money(String amount, String currency) {

    public static final String EUR = "EUR";

    public static Money of(BigDecimal value, String currency) {
        return new Money(value.setScale(2, RoundingMode.HALF_UP).toPlainString(), currency);
    }

    public static Money eur(BigDecimal value) {
        return of(value, EUR);
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }
}
