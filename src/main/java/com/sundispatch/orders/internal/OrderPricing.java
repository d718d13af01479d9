package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.util.List;

import com.sundispatch.billing.Vat;

/** Totals of an order from its lines and the installation fee, with their VAT; all amounts to the cent. */
final class OrderPricing {

    record Line(int quantity, BigDecimal unitPrice) {
    }

    /** {@code tax}: the VAT taken out of each line (panels and the fee), summed. */
    record Totals(BigDecimal panelsTotal, BigDecimal installationFee, BigDecimal total, int panelCount,
            Vat.Split tax) {
    }

    private OrderPricing() {
    }

    static int panelCount(List<Line> lines) {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    /** Gross prices (VAT included) at the installation country's {@code vatRate} percent. */
    static Totals totals(List<Line> lines, BigDecimal installationFee, BigDecimal vatRate) {
        BigDecimal panels = BigDecimal.ZERO.setScale(2);
        Vat.Split tax = Vat.Split.zero(vatRate);
        for (Line l : lines) {
            BigDecimal gross = lineTotal(l.quantity(), l.unitPrice());
            panels = panels.add(gross);
            tax = tax.plus(Vat.split(gross, vatRate));
        }
        BigDecimal fee = Vat.cents(installationFee);
        tax = tax.plus(Vat.split(fee, vatRate));
        return new Totals(panels, fee, panels.add(fee), panelCount(lines), tax);
    }

    static BigDecimal lineTotal(int quantity, BigDecimal unitPrice) {
        return Vat.cents(unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }
}
