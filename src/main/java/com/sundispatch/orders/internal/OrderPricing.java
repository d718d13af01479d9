package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Totals of an order from its lines and the installation fee; all amounts to the cent. */
final class OrderPricing {

    record Line(int quantity, BigDecimal unitPrice) {
    }

    record Totals(BigDecimal panelsTotal, BigDecimal installationFee, BigDecimal total, int panelCount) {
    }

    private OrderPricing() {
    }

    static int panelCount(List<Line> lines) {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    static Totals totals(List<Line> lines, BigDecimal installationFee) {
        BigDecimal panels = lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal fee = installationFee.setScale(2, RoundingMode.HALF_UP);
        return new Totals(panels, fee, panels.add(fee), panelCount(lines));
    }
}
