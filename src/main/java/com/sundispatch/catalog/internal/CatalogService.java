package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.catalog.Catalog;
import com.sundispatch.catalog.InstallationPricing;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.Like;

/** Panels: the public catalog, the admins' edits (each recorded), and stock for orders. */
@Service
public class CatalogService implements Catalog {

    private final PanelRepository panels;
    private final CatalogChangeRepository changes;
    private final InstallationPricing pricing;
    private final Clock clock;
    private final java.time.Duration pageCacheTtl;
    private final java.util.concurrent.ConcurrentHashMap<String, CachedPage> pageCache =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final SecurityEvents audit;
    private final TransactionTemplate readOnly;

    CatalogService(PanelRepository panels, CatalogChangeRepository changes, InstallationPricing pricing,
            Clock clock, SecurityEvents audit,
            @org.springframework.beans.factory.annotation.Value("${sundispatch.catalog.page-cache-ttl:PT1S}")
            java.time.Duration pageCacheTtl, PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.audit = audit;
        this.pageCacheTtl = pageCacheTtl;
        this.panels = panels;
        this.changes = changes;
        this.pricing = pricing;
        this.clock = clock;
    }

    /**
     * Catalog pages are what anonymous visitors read most. They are kept for a moment (default 1 s,
     * {@code sundispatch.catalog.page-cache-ttl}) so a burst of identical page views costs one query; a shown
     * stock may lag by that long, which is harmless because ordering re-checks stock atomically. Admin changes
     * clear the cache at once.
     */
    public Page<PanelView> search(String q, Integer minWatts, BigDecimal maxPrice, Pageable pageable) {
        // No transaction around a page served from the cache: only a miss opens one (read-only).
        String pattern = q == null || q.isBlank() ? null : Like.contains(q.trim());
        if (pageCacheTtl.isZero()) {
            return query(pattern, minWatts, maxPrice, pageable);
        }
        String key = pattern + "|" + minWatts + "|" + maxPrice + "|" + pageable;
        long now = System.nanoTime();
        CachedPage hit = pageCache.get(key);
        if (hit != null && now - hit.expiresAtNanos() < 0) {
            return hit.page();
        }
        Page<PanelView> page = query(pattern, minWatts, maxPrice, pageable);
        if (pageCache.size() > 1_000) {
            pageCache.clear();
        }
        pageCache.put(key, new CachedPage(page, now + pageCacheTtl.toNanos()));
        return page;
    }

    private Page<PanelView> query(String pattern, Integer minWatts, BigDecimal maxPrice, Pageable pageable) {
        return readOnly.execute(status -> panels.search(pattern, minWatts, maxPrice, pageable).map(PanelView::of));
    }

    private record CachedPage(Page<PanelView> page, long expiresAtNanos) {
    }

    @Transactional(readOnly = true)
    public PanelView get(String id) {
        return panels.findOnSale(id).map(PanelView::of).orElseThrow(() -> ApiException.notFound("No such panel."));
    }

    @Transactional(readOnly = true)
    public long countOnSale() {
        return panels.countByRetiredFalse();
    }

    @Transactional
    public PanelView create(String adminId, PanelData data) {
        Panel panel = panels.save(new Panel(UUID.randomUUID().toString(), data, clock.instant()));
        record(adminId, "PANEL_CREATED", panel.id(), data.name());
        return PanelView.of(panel);
    }

    @Transactional
    public PanelView update(String adminId, String id, PanelData data, long expectedVersion) {
        Panel panel = panels.findOnSale(id).orElseThrow(() -> ApiException.notFound("No such panel."));
        if (panel.version() != expectedVersion) {
            // Stock sold (or another admin's edit) since this admin read the panel: saving would undo it.
            throw ApiException.conflict("concurrent_update",
                    "The panel changed since you loaded it (e.g. stock was sold). Reload it and try again.");
        }
        panel.apply(data, clock.instant());
        try {
            panels.saveAndFlush(panel);
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("concurrent_update",
                    "The panel changed meanwhile (e.g. stock was sold). Reload it and try again.");
        }
        record(adminId, "PANEL_UPDATED", id, data.name());
        return PanelView.of(panel);
    }

    @Transactional
    public void retire(String adminId, String id) {
        Panel panel = panels.findOnSale(id).orElseThrow(() -> ApiException.notFound("No such panel."));
        panel.retire(clock.instant());
        record(adminId, "PANEL_RETIRED", id, panel.name());
    }

    void record(String adminId, String action, String subjectId, String summary) {
        pageCache.clear();
        changes.save(new CatalogChange(UUID.randomUUID().toString(), clock.instant(), adminId, action, subjectId,
                summary));
        audit.publish(action.startsWith("FAQ") ? "FAQ_CHANGED" : "CATALOG_CHANGED", adminId,
                SecurityEvent.Outcome.SUCCESS,
                subjectId == null ? java.util.Map.of("action", action)
                        : java.util.Map.of("action", action, "panelId", subjectId));
    }

    @Override
    @Transactional(readOnly = true)
    public PricedPanel priceOf(String panelId) {
        Panel p = panels.findOnSale(panelId).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                "unknown_panel", "A panel in the order is not (or no longer) for sale."));
        return new PricedPanel(p.id(), p.name(), p.price(), p.currency());
    }

    @Override
    @Transactional
    public void reserve(String panelId, int quantity) {
        if (quantity < 1 || panels.reserve(panelId, quantity) != 1) {
            throw ApiException.conflict("out_of_stock", "Not enough panels in stock for this order.");
        }
    }

    @Override
    @Transactional
    public void release(String panelId, int quantity) {
        panels.release(panelId, quantity);
    }

    @Override
    public BigDecimal installationFee(int panelCount) {
        return pricing.feeFor(panelCount);
    }
}
