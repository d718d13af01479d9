package com.sundispatch.identity.web;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.identity.internal.AccountService;
import com.sundispatch.identity.internal.MfaService;
import com.sundispatch.identity.internal.ReauthenticationService;
import com.sundispatch.identity.web.IdentityRequests.BanRequest;
import com.sundispatch.identity.web.IdentityRequests.EmptyRequest;
import com.sundispatch.identity.web.IdentityRequests.MfaResetRequest;
import com.sundispatch.identity.web.IdentityResponses.AdminUserResponse;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin")
class AdminUserController {

    private final AccountService accounts;
    private final Clock clock;
    private final MfaService mfa;
    private final ReauthenticationService reauthentication;

    AdminUserController(AccountService accounts, Clock clock, MfaService mfa,
            ReauthenticationService reauthentication) {
        this.mfa = mfa;
        this.reauthentication = reauthentication;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Users, newest first; q searches the email and name")
    PageResponse<AdminUserResponse> list(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var pageable = PageRequests.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
        var result = accounts.search(q, pageable);
        var now = clock.instant();
        return new PageResponse<>(result.getContent().stream().map(a -> AdminUserResponse.of(a, now)).toList(),
                result.getNumber(), result.getSize(), result.getTotalElements());
    }

    @PostMapping("/{id}/ban")
    @Operation(summary = "Suspend an account (until a time, or for good); its sessions end at once")
    AdminUserResponse ban(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody BanRequest request) {
        return AdminUserResponse.of(accounts.ban(admin.userId(), id, request.reason(), request.until()),
                clock.instant());
    }

    @PostMapping("/{id}/unban")
    @Operation(summary = "Lift a suspension")
    AdminUserResponse unban(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @RequestBody(required = false) EmptyRequest request) {
        return AdminUserResponse.of(accounts.unban(admin.userId(), id), clock.instant());
    }

    @PostMapping("/{id}/mfa/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Turn off a user's MFA (lost authenticator): secret and recovery codes deleted, sessions "
            + "ended, user mailed; needs the admin's recent step-up")
    void resetMfa(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody MfaResetRequest request) {
        reauthentication.require(admin);
        mfa.resetByAdmin(admin.userId(), id, request.reason());
    }

    @PostMapping("/{id}/promote")
    @Operation(summary = "Make a verified user an ADMIN; their sessions end, they are mailed and must set up MFA; "
            + "needs the admin's recent step-up")
    AdminUserResponse promote(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @RequestBody(required = false) EmptyRequest request) {
        reauthentication.require(admin);
        return AdminUserResponse.of(accounts.promote(admin.userId(), id), clock.instant());
    }

    @PostMapping("/{id}/demote")
    @Operation(summary = "Give an admin back the role they had before promotion (CUSTOMER if unknown); never "
            + "yourself or the last admin; needs the admin's recent step-up")
    AdminUserResponse demote(CurrentUser admin, @PathVariable @Size(max = 64) String id,
            @RequestBody(required = false) EmptyRequest request) {
        reauthentication.require(admin);
        return AdminUserResponse.of(accounts.demote(admin.userId(), id), clock.instant());
    }
}
