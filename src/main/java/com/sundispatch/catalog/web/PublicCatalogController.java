package com.sundispatch.catalog.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.catalog.PublicInfoProperties;
import com.sundispatch.catalog.internal.CatalogService;
import com.sundispatch.catalog.internal.FaqService;
import com.sundispatch.catalog.internal.FaqService.FaqItem;
import com.sundispatch.catalog.internal.LegalNotice;
import com.sundispatch.catalog.internal.PanelView;
import com.sundispatch.catalog.internal.QuoteService;
import com.sundispatch.catalog.web.CatalogRequests.QuoteRequest;
import com.sundispatch.identity.Accounts;
import com.sundispatch.identity.Role;
import com.sundispatch.places.AddressQuery;
import com.sundispatch.places.Place;
import com.sundispatch.places.Places;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;
import com.sundispatch.shared.PaymentsProperties;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Everything anyone may read without an account: catalog, FAQ, landing data, sizing quotes. */
@RestController
@Validated
@Tag(name = "Public")
class PublicCatalogController {

    /** The sort keys a client may ask for: an allow-list, mapped to entity fields. */
    private static final Map<String, String> SORTS = Map.of("name", "name", "price", "price", "watts", "wattsPeak",
            "efficiency", "efficiencyPercent");

    /** {@code paymentsTestMode}: the sandbox provider is on and no real money moves (the client shows a banner). */
    record PublicInfo(String name, String tagline, Contact contact, List<String> serviceRegions, Counts counts,
            boolean paymentsTestMode) {
    }

    record Contact(String email) {
    }

    record Counts(long panels, long verifiedInstallers) {
    }

    private final CatalogService catalog;
    private final FaqService faq;
    private final QuoteService quotes;
    private final PublicInfoProperties info;
    private final Accounts accounts;
    private final PaymentsProperties payments;
    private final Places places;
    private final LegalNotice legal;

    PublicCatalogController(CatalogService catalog, FaqService faq, QuoteService quotes, PublicInfoProperties info,
            Accounts accounts, PaymentsProperties payments, Places places, LegalNotice legal) {
        this.legal = legal;
        this.places = places;
        this.payments = payments;
        this.catalog = catalog;
        this.faq = faq;
        this.quotes = quotes;
        this.info = info;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/public/info")
    @Operation(summary = "Landing data with live counts")
    PublicInfo info() {
        return new PublicInfo(info.name(), info.tagline(), new Contact(info.contactEmail()), info.serviceRegions(),
                new Counts(catalog.countOnSale(), accounts.countWithRole(Role.INSTALLER)), payments.sandboxActive());
    }

    @GetMapping("/api/v1/public/legal")
    @Operation(summary = "The imprint and the privacy notice (English and German), from configuration")
    LegalNotice.Legal legal() {
        return legal.legal();
    }

    @GetMapping("/api/v1/public/faq")
    @Operation(summary = "The FAQ, in order")
    List<FaqItem> faq() {
        return faq.list();
    }

    @GetMapping("/api/v1/catalog/panels")
    @Operation(summary = "The catalog: q over name and maker, minWatts, maxPrice, sort=name|price|watts|efficiency "
            + "(prefix - for descending; default name)")
    PageResponse<PanelView> panels(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Min(0) @Max(10_000) Integer minWatts,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
            BigDecimal maxPrice,
            @RequestParam(required = false) @Size(max = 20) String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var result = catalog.search(q, minWatts, maxPrice, PageRequests.of(page, size, sort(sort)));
        return PageResponse.of(result, p -> p);
    }

    @GetMapping("/api/v1/catalog/panels/{id}")
    @Operation(summary = "One panel of the catalog with its datasheet")
    PanelView panel(@PathVariable @Size(max = 64) String id) {
        return catalog.get(id);
    }

    @PostMapping("/api/v1/quotes")
    @Operation(summary = "Sizing estimate from monthly consumption and an address (postal code, city?, country) or "
            + "latitude/longitude; the model is in 'assumptions', the place used in 'place'")
    QuoteService.Quote quote(@Valid @RequestBody QuoteRequest request) {
        // Located before the (read-only) quote transaction, so no pooled connection waits on the geocoder; only
        // the latitude matters to the sizing model, and nothing of the caller's location is stored.
        boolean coordinates = request.latitude() != null && request.longitude() != null;
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw ApiException.validation(request.latitude() == null ? "latitude" : "longitude",
                    "send both latitude and longitude, or an address instead");
        }
        if ((request.address() != null) == coordinates) {
            throw ApiException.validation("address", "send either an address or latitude and longitude");
        }
        if (request.address() == null) {
            return quotes.quote(request.monthlyKwh(), request.latitude(), request.panelId(), null);
        }
        var a = request.address();
        Place place = places.locate(new AddressQuery("", a.postalCode().trim(),
                a.city() == null ? "" : a.city().trim(), a.country()));
        return quotes.quote(request.monthlyKwh(), place.latitude(), request.panelId(), place);
    }

    /**
     * Names sort as people read them, ignoring case (the same on every database, whatever its collation); ties,
     * e.g. two panels at one price, are broken by id so paging never shows a panel twice or skips one.
     */
    static Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return sort("name");
        }
        boolean desc = sort.startsWith("-");
        String field = SORTS.get(desc ? sort.substring(1) : sort);
        if (field == null) {
            throw ApiException.validation("sort",
                    "must be one of name, price, watts, efficiency (prefix - to reverse)");
        }
        Sort.Order order = new Sort.Order(desc ? Sort.Direction.DESC : Sort.Direction.ASC, field);
        return Sort.by(field.equals("name") ? order.ignoreCase() : order).and(Sort.by("id"));
    }
}
