package com.sundispatch.dispatch.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.dispatch.internal.WebhookService;
import com.sundispatch.dispatch.internal.WebhookService.DeliveryView;
import com.sundispatch.dispatch.internal.WebhookService.Registration;
import com.sundispatch.dispatch.internal.WebhookService.WebhookView;
import com.sundispatch.identity.Accounts;
import com.sundispatch.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
@PreAuthorize("hasRole('INSTALLER')")
@Tag(name = "Installers")
class InstallerWebhookController {

    record WebhookRequest(@NotBlank @Size(max = 2000) String url) {
    }

    private final WebhookService webhooks;
    private final Accounts accounts;

    InstallerWebhookController(WebhookService webhooks, Accounts accounts) {
        this.webhooks = webhooks;
        this.accounts = accounts;
    }

    @PutMapping("/api/v1/installer/webhook")
    @Operation(summary = "Register the https URL that receives signed job events; the signing secret is shown "
            + "this once")
    Registration register(CurrentUser user, @Valid @RequestBody WebhookRequest request) {
        // Where job events (with customer addresses) go: a stolen access token alone must not redirect them.
        accounts.requireRecentReauthentication(user);
        return webhooks.register(user.userId(), request.url());
    }

    @GetMapping("/api/v1/installer/webhook")
    @Operation(summary = "The registered job-event webhook (URL and since when; the secret is never shown again)")
    @ApiResponse(responseCode = "200", description = "The registered webhook")
    @ApiResponse(responseCode = "404", description = "No webhook registered", ref = "#/components/responses/NotFound")
    WebhookView get(CurrentUser user) {
        return webhooks.get(user.userId());
    }

    @DeleteMapping("/api/v1/installer/webhook")
    @Operation(summary = "Remove the job-event webhook: no more deliveries")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(CurrentUser user) {
        accounts.requireRecentReauthentication(user);
        webhooks.remove(user.userId());
    }

    @GetMapping("/api/v1/installer/webhook/deliveries")
    @Operation(summary = "The last 50 delivery attempts and their outcome")
    List<DeliveryView> deliveries(CurrentUser user) {
        return webhooks.deliveries(user.userId());
    }
}
