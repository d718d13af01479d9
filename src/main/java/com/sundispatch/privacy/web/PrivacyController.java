package com.sundispatch.privacy.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.privacy.internal.AccountDeletions;
import com.sundispatch.privacy.internal.AccountDeletions.DeletionStatus;
import com.sundispatch.privacy.internal.DataExports;
import com.sundispatch.privacy.internal.DataExports.Archive;
import com.sundispatch.privacy.internal.DataExports.ExportStatus;
import com.sundispatch.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@Validated
@Tag(name = "Privacy")
class PrivacyController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** The mailed token travels in a body, never in a URL that request logs and browser histories keep. */
    @Schema(name = "ExportDownloadRequest")
    record TokenRequest(@NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_-]+") String token) {

        @Override
        public String toString() {
            return "TokenRequest[token=<redacted>]";
        }
    }

    private final DataExports exports;
    private final AccountDeletions deletions;

    PrivacyController(DataExports exports, AccountDeletions deletions) {
        this.exports = exports;
        this.deletions = deletions;
    }

    @GetMapping("/api/v1/me/export")
    @Operation(summary = "The state of my latest data export: NONE, PENDING, READY (until expiresAt) or EXPIRED")
    ExportStatus exportStatus(CurrentUser user) {
        return exports.status(user.userId());
    }

    @PostMapping("/api/v1/me/export")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for an archive of everything stored about me; it is mailed as a link valid 24 hours. "
            + "Once a day: a second request within 24 hours is 429 export_too_soon with Retry-After")
    ExportStatus requestExport(CurrentUser user) {
        return exports.request(user);
    }

    @PostMapping("/api/v1/me/export/{id}/download")
    @Operation(summary = "Download my export as JSON: needs my session and the token of the mailed link, "
            + "until the link expires")
    @ApiResponse(responseCode = "200", description = "The archive: one JSON document with everything stored about me "
            + "(Content-Disposition: attachment)", content = @Content(mediaType = "application/json",
            schema = @Schema(types = "object")))
    ResponseEntity<byte[]> download(CurrentUser user, @PathVariable @Size(max = 36) String id,
            @Valid @RequestBody TokenRequest request) {
        Archive archive = exports.download(user, id, request.token());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sundispatch-data-" + DAY.format(archive.readyAt()) + ".json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(archive.json());
    }

    @GetMapping("/api/v1/me/deletion")
    @Operation(summary = "Whether my account is scheduled for deletion, and when")
    DeletionStatus deletionStatus(CurrentUser user) {
        return deletions.status(user.userId());
    }

    @PostMapping("/api/v1/me/deletion")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Delete my account after the grace period (needs a recent step-up); my other sessions end "
            + "and a mail carries an undo link. 409 deletion_blocked_open_jobs / deletion_blocked_order_in_progress")
    DeletionStatus scheduleDeletion(CurrentUser user) {
        return deletions.schedule(user);
    }

    @DeleteMapping("/api/v1/me/deletion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Keep my account: cancel the scheduled deletion")
    void cancelDeletion(CurrentUser user) {
        deletions.cancel(user);
    }

    @PostMapping("/api/v1/auth/deletion/undo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Keep my account from the mailed link (no sign-in needed)")
    void undoDeletion(@Valid @RequestBody TokenRequest request) {
        deletions.undo(request.token());
    }
}
