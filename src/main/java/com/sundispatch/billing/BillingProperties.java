package com.sundispatch.billing;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Money settings ({@code sundispatch.billing.*}): VAT rate per installation country (percent), the platform's
 * fee on payouts, what the fee is taken from, the fee kept when a customer cancels after an installer was
 * assigned, the time zone that dates documents, and the seller printed on every invoice (snapshotted into each
 * document when it is issued, so a later change never alters an issued invoice).
 */
@ConfigurationProperties("sundispatch.billing")
public record BillingProperties(
        Map<String, BigDecimal> vatRates,
        @DefaultValue("15") BigDecimal platformFeePercent,
        @DefaultValue("NET") PayoutBasis payoutBasis,
        @DefaultValue("50.00") BigDecimal cancellationFee,
        @DefaultValue("Europe/Berlin") ZoneId timeZone,
        @DefaultValue Seller seller) {

    /** What the platform fee and the payout are computed from. */
    public enum PayoutBasis {
        /** The platform is the seller and remits the VAT: fee and payout come out of the net amount. */
        NET,
        /** The installer handles the VAT: fee and payout come out of the gross amount. */
        GROSS
    }

    public record Seller(
            @DefaultValue("SunDispatch GmbH") String name,
            @DefaultValue("Sonnenallee 1, 10115 Berlin, Germany") String address,
            @DefaultValue("DE000000000") String vatId,
            @DefaultValue("billing@sundispatch.example") String contact) {
    }

    public BillingProperties {
        TreeMap<String, BigDecimal> rates = new TreeMap<>();
        if (vatRates != null) {
            vatRates.forEach((country, rate) -> {
                if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) >= 0) {
                    throw new IllegalArgumentException("sundispatch.billing.vat-rates." + country
                            + " must be a percentage from 0 to below 100");
                }
                rates.put(country.toUpperCase(Locale.ROOT), rate);
            });
        }
        vatRates = Map.copyOf(rates);
        if (platformFeePercent.signum() < 0 || platformFeePercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("sundispatch.billing.platform-fee-percent must be from 0 to below 100");
        }
        if (cancellationFee.signum() < 0) {
            throw new IllegalArgumentException("sundispatch.billing.cancellation-fee must not be negative");
        }
    }

    /** The VAT rate of an installation country, empty when the shop does not sell there. */
    public Optional<BigDecimal> vatRate(String country) {
        return Optional.ofNullable(country == null ? null : vatRates.get(country.toUpperCase(Locale.ROOT)));
    }
}
