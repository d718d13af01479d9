package com.sundispatch.billing.web;

import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.billing.Invoicing;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.ApiException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Invoice and credit note downloads. A customer gets only the documents of their own orders; any other id, or
 * an id under another order, is "not found" rather than "forbidden", so document ids cannot be probed.
 */
@RestController
@Validated
@Tag(name = "Documents")
class DocumentController {

    private final Invoicing invoicing;

    DocumentController(Invoicing invoicing) {
        this.invoicing = invoicing;
    }

    @GetMapping(value = "/api/v1/orders/{orderId}/documents/{documentId}")
    @Operation(summary = "An invoice or credit note of one of the caller's orders, as a PDF download")
    @ApiResponse(responseCode = "200", description = "The PDF (Content-Disposition: attachment)", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")) })
    ResponseEntity<byte[]> mine(CurrentUser user, @PathVariable @Size(max = 64) String orderId,
            @PathVariable @Size(max = 64) String documentId) {
        invoicing.find(documentId)
                .filter(d -> d.customerId().equals(user.userId()) && d.orderId().equals(orderId))
                .orElseThrow(DocumentController::notFound);
        return download(documentId);
    }

    @GetMapping(value = "/api/v1/admin/documents/{documentId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Any invoice or credit note, as a PDF download")
    @ApiResponse(responseCode = "200", description = "The PDF (Content-Disposition: attachment)", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")) })
    ResponseEntity<byte[]> any(@PathVariable @Size(max = 64) String documentId) {
        return download(documentId);
    }

    private ResponseEntity<byte[]> download(String documentId) {
        Invoicing.Pdf pdf = invoicing.pdf(documentId).orElseThrow(DocumentController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(pdf.filename()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf.bytes());
    }

    private static ApiException notFound() {
        return ApiException.notFound("No such document.");
    }
}
