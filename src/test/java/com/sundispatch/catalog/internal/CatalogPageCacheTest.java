package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import com.sundispatch.catalog.InstallationPricing;
import com.sundispatch.security.SecurityEvents;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CatalogPageCacheTest {

    private final PanelRepository panels = mock(PanelRepository.class);
    private final PageRequest page = PageRequest.of(0, 20);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);

    private CatalogService service(Duration ttl) {
        when(panels.search(isNull(), isNull(), isNull(), any())).thenReturn(new PageImpl<>(List.of(), page, 0));
        return new CatalogService(panels, mock(CatalogChangeRepository.class), new InstallationPricing(BigDecimal.TEN,
                BigDecimal.ONE), Clock.systemUTC(), mock(SecurityEvents.class), ttl, transactions);
    }

    @Test
    void identicalPagesWithinTheTtlCostOneQuery() {
        CatalogService catalog = service(Duration.ofMinutes(1));
        catalog.search(null, null, null, page);
        catalog.search(null, null, null, page);
        catalog.search(" ", null, null, page);
        verify(panels, times(1)).search(isNull(), isNull(), isNull(), any());
        // Pages served from the cache open no transaction; the one miss opened one, read-only.
        verify(transactions, times(1)).getTransaction(argThat(TransactionDefinition::isReadOnly));
    }

    @Test
    void anAdminChangeClearsTheCache() {
        CatalogService catalog = service(Duration.ofMinutes(1));
        catalog.search(null, null, null, page);
        catalog.record("admin", "PANEL_UPDATED", "p1", "x");
        catalog.search(null, null, null, page);
        verify(panels, times(2)).search(isNull(), isNull(), isNull(), any());
    }

    @Test
    void aZeroTtlAlwaysQueries() {
        CatalogService catalog = service(Duration.ZERO);
        catalog.search(null, null, null, page);
        catalog.search(null, null, null, page);
        verify(panels, times(2)).search(isNull(), isNull(), isNull(), any());
    }
}
