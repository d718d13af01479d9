package com.sundispatch.notifications.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.notifications.internal.DevicePushTokens;
import com.sundispatch.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The mobile apps' push tokens. A token is bound to the session that registers it: signing out (or any end of
 * that session) stops the pushes to that phone.
 */
@RestController
@Validated
@Tag(name = "Notifications")
class DevicePushTokenController {

    /** {@code token} as Expo's {@code getExpoPushTokenAsync} gives it; {@code platform} {@code ios} or {@code android}. */
    record PushTokenRequest(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 10) String platform) {
    }

    record PushTokenCreated(String id, Instant createdAt) {
    }

    private final DevicePushTokens tokens;

    DevicePushTokenController(DevicePushTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/me/push-tokens")
    @Operation(summary = "Register this phone's Expo push token for the current session; 201 when new, 200 with "
            + "the same id when it was registered before; 404 push_not_configured when the server sends no "
            + "mobile pushes")
    @ApiResponse(responseCode = "201", description = "A new token",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PushTokenCreated.class)))
    @ApiResponse(responseCode = "200", description = "This token was registered before: the same id, now bound to "
            + "the current session",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = PushTokenCreated.class)))
    ResponseEntity<PushTokenCreated> register(CurrentUser user, @Valid @RequestBody PushTokenRequest request) {
        DevicePushTokens.Registered registered = tokens.register(user.userId(), user.sessionId(), request.token(),
                request.platform());
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new PushTokenCreated(registered.id(), registered.createdAt()));
    }

    @GetMapping("/api/v1/me/push-tokens")
    @Operation(summary = "The phones that receive my pushes (never the tokens themselves)")
    List<DevicePushTokens.View> list(CurrentUser user) {
        return tokens.list(user.userId(), user.sessionId());
    }

    @DeleteMapping("/api/v1/me/push-tokens/{id}")
    @Operation(summary = "Stop pushes to that phone")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(CurrentUser user, @PathVariable @Size(max = 36) String id) {
        tokens.remove(user.userId(), id);
    }
}
