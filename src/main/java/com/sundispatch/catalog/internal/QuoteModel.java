package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sizing model, stated so a customer can check it: yearly need = 12 x monthly consumption; yield per kWp
 * = peak-sun-hours x 365 x performance ratio; panels = need / yield, rounded up to whole panels. Peak-sun
 * hours come from the latitude band (a coarse table of typical annual averages on a tilted roof); the
 * performance ratio 0.8 covers inverter, wiring, temperature and soiling losses.
 */
public final class QuoteModel {

    public static final double PERFORMANCE_RATIO = 0.8;
    public static final int MAX_PANELS = 500;

    public record Sizing(int panelCount, BigDecimal systemKwp, long annualProductionKwh, double peakSunHours) {
    }

    private QuoteModel() {
    }

    /** Typical daily peak-sun hours by absolute latitude. */
    public static double peakSunHours(double latitude) {
        double a = Math.abs(latitude);
        if (a < 15) {
            return 5.5;
        }
        if (a < 25) {
            return 5.7;
        }
        if (a < 35) {
            return 5.2;
        }
        if (a < 45) {
            return 4.4;
        }
        if (a < 55) {
            return 3.2;
        }
        if (a < 65) {
            return 2.6;
        }
        return 2.0;
    }

    public static Sizing size(double monthlyKwh, double latitude, int panelWattsPeak) {
        double psh = peakSunHours(latitude);
        double yieldPerKwp = psh * 365 * PERFORMANCE_RATIO;
        double neededKwp = monthlyKwh * 12 / yieldPerKwp;
        int panels = (int) Math.ceil(neededKwp * 1000 / panelWattsPeak - 1e-9);
        panels = Math.max(1, Math.min(MAX_PANELS, panels));
        BigDecimal kwp = BigDecimal.valueOf(panels * (long) panelWattsPeak).divide(BigDecimal.valueOf(1000), 3,
                RoundingMode.HALF_UP);
        long production = Math.round(kwp.doubleValue() * yieldPerKwp);
        return new Sizing(panels, kwp, production, psh);
    }
}
