package com.sundispatch.catalog;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The installation fee rule: a base fee for the visit (scaffolding, inverter, grid registration) plus a fee
 * per panel mounted. Defaults 490.00 EUR + 45.00 EUR per panel ({@code sundispatch.pricing.*}).
 */
@ConfigurationProperties("sundispatch.pricing")
public record InstallationPricing(
        @DefaultValue("490.00") BigDecimal baseFee,
        @DefaultValue("45.00") BigDecimal perPanelFee) {

    public InstallationPricing {
        if (baseFee.signum() < 0 || perPanelFee.signum() < 0) {
            throw new IllegalArgumentException("installation fees cannot be negative");
        }
    }

    public BigDecimal feeFor(int panelCount) {
        if (panelCount <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return baseFee.add(perPanelFee.multiply(BigDecimal.valueOf(panelCount))).setScale(2,
                java.math.RoundingMode.HALF_UP);
    }
}
