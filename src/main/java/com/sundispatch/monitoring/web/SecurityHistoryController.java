package com.sundispatch.monitoring.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.identity.DeviceDescription;
import com.sundispatch.monitoring.AuditTrail;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * "Was this you?": a person's own sign-ins, failures and security changes of the last 90 days, read from the audit
 * trail. It lives here, next to the trail, because monitoring already depends on identity (the other way round
 * would be a cycle). Only the caller's own entries (the trail's {@code user_id} is the token's subject, never a
 * parameter), only the types that matter to a person, each as a stable {@code kind}; never the stored detail
 * (reasons would tell an attacker which defence stopped them), never a full address: the device is a browser and
 * OS family, the place a network prefix (IPv4 /24, IPv6 /48), because there is no GeoIP database offline.
 */
@RestController
@Validated
@Tag(name = "Identity")
class SecurityHistoryController {

    static final Duration HISTORY = Duration.ofDays(90);

    /** Audit type → the kind the client puts into words. Anything not listed here is never shown. */
    static final Map<String, String> KINDS = kinds();
    /** The outcomes a person is shown (lower case: words for the client, not the stored audit outcome). */
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";
    static final String INFO = "info";

    record SecurityEventResponse(String id,
            @Schema(allowableValues = { "sign_in", "sign_in_failed", "sign_in_blocked", "account_locked", "sign_out",
                    "mfa_failed", "mfa_enabled", "mfa_disabled", "mfa_reset", "recovery_code_used",
                    "recovery_codes_renewed", "identity_check_failed", "password_changed", "password_change_failed",
                    "password_reset_requested", "password_reset", "email_verified", "email_change_requested",
                    "email_changed", "email_change_cancelled", "email_change_undone", "session_ended",
                    "account_secured", "account_suspended", "account_reinstated" })
            String kind, Instant at,
            @Schema(allowableValues = { SUCCESS, FAILURE, INFO })
            String outcome, @Nullable String browser,
            @Nullable String operatingSystem, @Nullable String network) {
    }

    private final AuditTrail trail;
    private final Clock clock;

    SecurityHistoryController(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/api/v1/me/security-events")
    @Operation(summary = "My sign-ins, failed sign-ins and security changes of the last 90 days, newest first, with "
            + "the device (browser and system) and a coarse network (IPv4 /24, IPv6 /48), never the full address")
    PageResponse<SecurityEventResponse> mine(CurrentUser user, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Instant since = clock.instant().minus(HISTORY);
        return PageResponse.of(trail.forUser(user.userId(), KINDS.keySet(), since,
                PageRequests.of(page, size, Sort.unsorted())), SecurityHistoryController::view);
    }

    private static SecurityEventResponse view(AuditTrail.UserEntry e) {
        DeviceDescription device = DeviceDescription.of(e.userAgent(), e.ip());
        return new SecurityEventResponse(e.id(), KINDS.get(e.type()), e.at(), outcome(e.outcome()), device.browser(),
                device.operatingSystem(), device.network());
    }

    /** Three words a person understands; "denied" is a failure to them (why it was denied is not theirs to see). */
    private static String outcome(String stored) {
        return switch (stored == null ? "" : stored) {
            case "SUCCESS" -> SUCCESS;
            case "FAILURE", "DENIED" -> FAILURE;
            default -> INFO;
        };
    }

    /** The audit types a person is shown, each with its kind (several types may share one). */
    private enum Shown {
        LOGIN_SUCCEEDED("sign_in"),
        LOGIN_FAILED("sign_in_failed"),
        LOGIN_THROTTLED("sign_in_blocked"),
        ACCOUNT_LOCKOUT("sign_in_blocked"),
        ACCOUNT_LOCKED("account_locked"),
        LOGOUT("sign_out"),
        MFA_FAILED("mfa_failed"),
        MFA_ENABLED("mfa_enabled"),
        MFA_DISABLED("mfa_disabled"),
        MFA_RESET_BY_ADMIN("mfa_reset"),
        RECOVERY_CODE_USED("recovery_code_used"),
        RECOVERY_CODES_REGENERATED("recovery_codes_renewed"),
        REAUTHENTICATION_FAILED("identity_check_failed"),
        PASSWORD_CHANGED("password_changed"),
        PASSWORD_CHANGE_FAILED("password_change_failed"),
        PASSWORD_RESET_REQUESTED("password_reset_requested"),
        PASSWORD_RESET("password_reset"),
        EMAIL_VERIFIED("email_verified"),
        EMAIL_CHANGE_REQUESTED("email_change_requested"),
        EMAIL_CHANGED("email_changed"),
        EMAIL_CHANGE_CANCELLED("email_change_cancelled"),
        EMAIL_CHANGE_UNDONE("email_change_undone"),
        SESSION_REVOKED("session_ended"),
        REFRESH_TOKEN_REUSE("session_ended"),
        ACCOUNT_SECURED("account_secured"),
        USER_BANNED("account_suspended"),
        USER_UNBANNED("account_reinstated");

        private final String kind;

        Shown(String kind) {
            this.kind = kind;
        }
    }

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        for (Shown shown : Shown.values()) {
            k.put(shown.name(), shown.kind);
        }
        return Map.copyOf(k);
    }
}
