package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.util.Comparator;

import jakarta.annotation.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.catalog.InstallationPricing;
import com.sundispatch.places.Place;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.Money;

/** Sizing quotes: the model above applied to a chosen panel, or to the best value for money on sale. */
@Service
public class QuoteService {

    /** {@code place}: the place the quote was made for, when it was asked for by address (null for coordinates). */
    public record Quote(int panelCount, BigDecimal systemKwp, long annualProductionKwh, Money price,
            Money panelsTotal, Money installationFee, QuotedPanel panel, Assumptions assumptions, @Nullable Place place) {
    }

    public record QuotedPanel(String id, String name, int wattsPeak, Money unitPrice) {
    }

    public record Assumptions(double peakSunHours, double performanceRatio, String model) {
    }

    static final String MODEL = "panels = ceil(12 x monthlyKwh / (peakSunHours x 365 x performanceRatio) / panel kWp);"
            + " peak-sun hours from a latitude-band table of typical annual averages;"
            + " price = panels x unit price + installation fee (base + per panel).";

    private final PanelRepository panels;
    private final InstallationPricing pricing;

    QuoteService(PanelRepository panels, InstallationPricing pricing) {
        this.panels = panels;
        this.pricing = pricing;
    }

    @Transactional(readOnly = true)
    public Quote quote(double monthlyKwh, double latitude, String panelId, Place place) {
        Panel panel = panelId != null ? panels.findOnSale(panelId).orElseThrow(() -> new ApiException(
                HttpStatus.BAD_REQUEST, "unknown_panel", "This panel is not (or no longer) for sale."))
                : bestValue();
        QuoteModel.Sizing sizing = QuoteModel.size(monthlyKwh, latitude, panel.wattsPeak());
        BigDecimal panelsTotal = panel.price().multiply(BigDecimal.valueOf(sizing.panelCount()));
        BigDecimal fee = pricing.feeFor(sizing.panelCount());
        return new Quote(sizing.panelCount(), sizing.systemKwp(), sizing.annualProductionKwh(),
                Money.eur(panelsTotal.add(fee)), Money.eur(panelsTotal), Money.eur(fee),
                new QuotedPanel(panel.id(), panel.name(), panel.wattsPeak(), Money.eur(panel.price())),
                new Assumptions(sizing.peakSunHours(), QuoteModel.PERFORMANCE_RATIO, MODEL), place);
    }

    /** Lowest price per watt among panels on sale (in stock preferred). */
    private Panel bestValue() {
        return panels.search(null, null, null, PageRequest.of(0, 100, Sort.by("price"))).getContent().stream()
                .min(Comparator.comparing((Panel p) -> p.stock() > 0 ? 0 : 1)
                        .thenComparing(p -> p.price().doubleValue() / p.wattsPeak()))
                .orElseThrow(() -> ApiException.conflict("no_panels", "The catalog has no panels on sale yet."));
    }
}
