package com.sundispatch.catalog.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.catalog.internal.CatalogService;
import com.sundispatch.catalog.internal.FaqService;
import com.sundispatch.catalog.internal.FaqService.FaqItem;
import com.sundispatch.catalog.internal.PanelView;
import com.sundispatch.catalog.web.CatalogRequests.FaqRequestEntry;
import com.sundispatch.catalog.web.CatalogRequests.PanelRequest;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.ApiException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Catalog and FAQ management; every change is recorded with the admin and the time. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin")
class AdminCatalogController {

    private final CatalogService catalog;
    private final FaqService faq;

    AdminCatalogController(CatalogService catalog, FaqService faq) {
        this.catalog = catalog;
        this.faq = faq;
    }

    @PostMapping("/api/v1/admin/catalog/panels")
    @Operation(summary = "Add a panel to the catalog")
    @ResponseStatus(HttpStatus.CREATED)
    PanelView create(CurrentUser admin, @Valid @RequestBody PanelRequest request) {
        return catalog.create(admin.userId(), request.toData());
    }

    @PutMapping("/api/v1/admin/catalog/panels/{id}")
    @Operation(summary = "Replace a panel's data (optimistic: the version read must match, else 409)")
    PanelView update(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody PanelRequest request) {
        if (request.version() == null) {
            throw ApiException.validation("version",
                    "send the version you loaded, so a concurrent change is not overwritten");
        }
        return catalog.update(admin.userId(), id, request.toData(), request.version());
    }

    @DeleteMapping("/api/v1/admin/catalog/panels/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retire a panel: off sale at once; existing orders keep it")
    void retire(CurrentUser admin, @PathVariable @Size(max = 64) String id) {
        catalog.retire(admin.userId(), id);
    }

    @PutMapping("/api/v1/admin/faq")
    @Operation(summary = "Replace the FAQ with this ordered list of {question, answer}")
    List<FaqItem> replaceFaq(CurrentUser admin,
            @RequestBody @Size(max = 100) List<@Valid @NotNull FaqRequestEntry> entries) {
        return faq.replace(admin.userId(),
                entries.stream().map(e -> new FaqItem(null, e.question(), e.answer())).toList());
    }
}
