package com.sundispatch.identity.web;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.identity.Accounts;
import com.sundispatch.identity.web.IdentityRequests.EmptyRequest;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.DataKeys;
import com.sundispatch.security.SecurityEvent;
import com.sundispatch.security.SecurityEvents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The data key seen by an admin: which key seals new values, how many stored values are still under another key,
 * and the re-encryption batch after a rotation. Here rather than in security because it needs identity's step-up.
 */
@RestController
@RequestMapping("/api/v1/admin/data-key")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin")
class AdminDataKeyController {

    private final DataKeys dataKeys;
    private final Accounts accounts;
    private final SecurityEvents audit;

    AdminDataKeyController(DataKeys dataKeys, Accounts accounts, SecurityEvents audit) {
        this.dataKeys = dataKeys;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The current data key's id and how many stored values are still under another key")
    DataKeys.Status status() {
        return dataKeys.status();
    }

    @PostMapping("/reencrypt")
    @Operation(summary = "Re-encrypt every sealed value under the current data key (after a rotation); safe to run "
            + "twice and on several instances; needs the admin's recent step-up; audited")
    DataKeys.Result reencrypt(CurrentUser admin, @RequestBody(required = false) EmptyRequest request) {
        accounts.requireRecentReauthentication(admin);
        DataKeys.Result result = dataKeys.reencrypt();
        audit.publish("DATA_KEY_REENCRYPTED", admin.userId(), SecurityEvent.Outcome.SUCCESS, Map.of(
                "keyId", result.keyId(), "reencrypted", Long.toString(result.reencrypted()),
                "failed", Long.toString(result.failed()), "pending", Long.toString(result.pending())));
        return result;
    }
}
