package com.sundispatch.notifications.web;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.notifications.internal.PushSubscriptions;
import com.sundispatch.notifications.internal.PushVapidKeys;
import com.sundispatch.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Web Push: the server's VAPID public key and the signed-in user's push subscriptions. */
@RestController
@Validated
@Tag(name = "Notifications")
class PushSubscriptionController {

    /** The browser's {@code PushSubscription.toJSON()}: expirationTime is accepted and not used. */
    record SubscriptionRequest(@NotBlank @Size(max = 2000) String endpoint, @Nullable Long expirationTime, @Valid Keys keys) {
    }

    record Keys(@Size(max = 200) String p256dh, @Size(max = 200) String auth) {
    }

    record PublicKeyResponse(String publicKey) {
    }

    record CreatedResponse(String id, Instant createdAt) {
    }

    record TestResponse(boolean accepted) {
    }

    private final PushSubscriptions subscriptions;
    private final PushVapidKeys keys;

    PushSubscriptionController(PushSubscriptions subscriptions, PushVapidKeys keys) {
        this.subscriptions = subscriptions;
        this.keys = keys;
    }

    @GetMapping("/api/v1/push/vapid-public-key")
    @Operation(summary = "The application server key for PushManager.subscribe (raw P-256, base64url); "
            + "404 push_not_configured when push is off")
    PublicKeyResponse publicKey() {
        return new PublicKeyResponse(keys.publicKey().orElseThrow(PushSubscriptions::notConfigured));
    }

    @PostMapping("/api/v1/me/push-subscriptions")
    @Operation(summary = "Register this browser's push subscription; 201 when new, 200 with the same id when "
            + "the endpoint was registered before")
    @ApiResponse(responseCode = "201", description = "A new subscription",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CreatedResponse.class)))
    @ApiResponse(responseCode = "200", description = "This endpoint was registered before: the same id",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CreatedResponse.class)))
    ResponseEntity<CreatedResponse> register(CurrentUser user, @Valid @RequestBody SubscriptionRequest request,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        Keys k = request.keys();
        PushSubscriptions.Registered registered = subscriptions.register(user.userId(), request.endpoint(),
                k == null ? null : k.p256dh(), k == null ? null : k.auth(), userAgent);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CreatedResponse(registered.id(), registered.createdAt()));
    }

    @GetMapping("/api/v1/me/push-subscriptions")
    @Operation(summary = "My registered push subscriptions (devices)")
    List<PushSubscriptions.View> list(CurrentUser user) {
        return subscriptions.list(user.userId());
    }

    @DeleteMapping("/api/v1/me/push-subscriptions/{id}")
    @Operation(summary = "Remove a push subscription: the device gets no more pushes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(CurrentUser user, @PathVariable @Size(max = 36) String id) {
        subscriptions.remove(user.userId(), id);
    }

    @PostMapping("/api/v1/me/push-subscriptions/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a test push to this device; accepted tells whether its push service took it")
    TestResponse test(CurrentUser user, @PathVariable @Size(max = 36) String id) {
        return new TestResponse(subscriptions.sendTest(user.userId(), id));
    }
}
