package com.sundispatch.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.identity.internal.AccountSecuring;
import com.sundispatch.identity.internal.AccountService;
import com.sundispatch.identity.internal.EmailChangeService;
import com.sundispatch.identity.internal.EmailLinkService;
import com.sundispatch.identity.internal.MfaService;
import com.sundispatch.identity.internal.PasskeyService;
import com.sundispatch.identity.internal.ProfileReader;
import com.sundispatch.identity.internal.ReauthenticationService;
import com.sundispatch.identity.internal.SessionService;
import com.sundispatch.identity.web.IdentityRequests.ChangeEmailRequest;
import com.sundispatch.identity.web.IdentityRequests.ChangePasswordRequest;
import com.sundispatch.identity.web.IdentityRequests.CodeRequest;
import com.sundispatch.identity.web.IdentityRequests.DisableMfaRequest;
import com.sundispatch.identity.web.IdentityRequests.RegenerateRecoveryCodesRequest;
import com.sundispatch.identity.web.IdentityRequests.ReauthenticateRequest;
import com.sundispatch.identity.web.IdentityRequests.UpdateProfileRequest;
import com.sundispatch.identity.web.IdentityResponses.MeResponse;
import com.sundispatch.identity.web.IdentityResponses.ReauthenticatedResponse;
import com.sundispatch.identity.web.IdentityResponses.RecoveryCodesResponse;
import com.sundispatch.identity.web.IdentityResponses.SessionResponse;
import com.sundispatch.identity.web.IdentityResponses.TotpSetupResponse;
import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/me")
@Validated
@Tag(name = "Identity")
class MeController {

    private final AccountService accounts;
    private final MfaService mfa;
    private final SessionService sessions;
    private final EmailLinkService emailLinks;
    private final ClientIpResolver clientIp;
    private final ReauthenticationService reauthentication;
    private final PasskeyService passkeys;
    private final EmailChangeService emailChanges;
    private final AccountSecuring securing;
    private final ProfileReader profiles;

    MeController(AccountService accounts, MfaService mfa, SessionService sessions, EmailLinkService emailLinks,
            ClientIpResolver clientIp, ReauthenticationService reauthentication, PasskeyService passkeys,
            EmailChangeService emailChanges, AccountSecuring securing, ProfileReader profiles) {
        this.profiles = profiles;
        this.passkeys = passkeys;
        this.emailChanges = emailChanges;
        this.securing = securing;
        this.reauthentication = reauthentication;
        this.accounts = accounts;
        this.mfa = mfa;
        this.sessions = sessions;
        this.emailLinks = emailLinks;
        this.clientIp = clientIp;
    }

    @GetMapping
    @Operation(summary = "My profile: name, email, phone, role, MFA methods, pending email change")
    MeResponse me(CurrentUser user) {
        ProfileReader.Profile profile = profiles.read(user.userId());
        return MeResponse.of(profile.account(), profile.mfaMethods(), profile.pending());
    }

    @PatchMapping
    @Operation(summary = "Change my name, phone or language (only the fields sent)")
    MeResponse update(CurrentUser user, @Valid @RequestBody UpdateProfileRequest request) {
        return MeResponse.of(accounts.updateProfile(user, request.fullName(), request.phone(),
                request.language()), passkeys.mfaMethods(user.userId()), emailChanges.pending(user.userId()));
    }

    @PostMapping("/reauthenticate")
    @Operation(summary = "Step-up: prove it is you (password or a TOTP code) before a sensitive change; "
            + "valid for this session only, for a few minutes")
    ReauthenticatedResponse reauthenticate(CurrentUser user, @Valid @RequestBody ReauthenticateRequest request,
            HttpServletRequest http) {
        return new ReauthenticatedResponse(reauthentication.reauthenticate(user, request.password(), request.code(),
                clientIp.resolve(http)));
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the password; every other session of the account ends")
    void changePassword(CurrentUser user, @Valid @RequestBody ChangePasswordRequest request,
            HttpServletRequest http) {
        accounts.changePassword(user.userId(), user.sessionId(), request.currentPassword(), request.newPassword(),
                request.code(), clientIp.resolve(http));
    }

    @PostMapping("/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Email a new verification link (the older ones stop working)")
    void resendVerification(CurrentUser user) {
        emailLinks.sendVerification(user.userId());
    }

    @PostMapping("/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Change the email address (needs a recent step-up): the new address gets a link to confirm "
            + "it; until then the old one stays the sign-in address. The same answer whether or not the new address "
            + "belongs to another account")
    void changeEmail(CurrentUser user, @Valid @RequestBody ChangeEmailRequest request) {
        emailChanges.request(user, request.newEmail());
    }

    @DeleteMapping("/email-change")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel the pending email change (its link stops working); nothing pending is fine too")
    void cancelEmailChange(CurrentUser user) {
        emailChanges.cancel(user.userId());
    }

    /**
     * No step-up: this only makes the account safer (the password stops working, every session ends, a reset link
     * goes to the account's address), and the person who fears someone else is in their account must not first
     * prove a password that may be the very thing that leaked.
     */
    @PostMapping("/secure-account")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "\"This wasn't me\": the password stops working, every session ends (this one too) and "
            + "a password reset link is mailed to the account's address")
    void secureAccount(CurrentUser user) {
        securing.secure(user.userId());
    }

    @PostMapping("/mfa/totp/setup")
    @Operation(summary = "Start TOTP set-up: a new secret and its otpauth:// URI")
    TotpSetupResponse setupTotp(CurrentUser user) {
        reauthentication.require(user);
        MfaService.TotpSetup setup = mfa.setup(user.userId());
        return new TotpSetupResponse(setup.secret(), setup.otpauthUri(), QrCodes.pngDataUrl(setup.otpauthUri()));
    }

    @PostMapping("/mfa/totp/enable")
    @Operation(summary = "Turn MFA on with a first code; the 10 recovery codes are shown this once")
    RecoveryCodesResponse enableTotp(CurrentUser user, @Valid @RequestBody CodeRequest request) {
        reauthentication.require(user);
        return new RecoveryCodesResponse(mfa.enable(user.userId(), request.code()));
    }

    @PostMapping("/mfa/recovery-codes")
    @Operation(summary = "New recovery codes (needs a recent step-up, MFA on and a current authenticator code); "
            + "the old ones stop working, the 10 new ones are shown this once")
    RecoveryCodesResponse regenerateRecoveryCodes(CurrentUser user,
            @Valid @RequestBody RegenerateRecoveryCodesRequest request, HttpServletRequest http) {
        reauthentication.require(user);
        return new RecoveryCodesResponse(mfa.regenerateRecoveryCodes(user.userId(), request.code(),
                clientIp.resolve(http)));
    }

    @PostMapping("/mfa/totp/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Turn MFA off with a code and the password")
    void disableTotp(CurrentUser user, @Valid @RequestBody DisableMfaRequest request, HttpServletRequest http) {
        mfa.disable(user.userId(), user.sessionId(), request.code(), request.password(), clientIp.resolve(http));
    }

    @GetMapping("/sessions")
    @Operation(summary = "The account's live sessions")
    List<SessionResponse> sessions(CurrentUser user) {
        return sessions.list(user.userId(), user.sessionId()).stream()
                .map(s -> new SessionResponse(s.id(), s.device(), s.ip(), s.createdAt(), s.lastUsedAt(), s.current()))
                .toList();
    }

    @DeleteMapping("/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out everywhere else: every other session of the account ends at once; this one stays")
    void endOtherSessions(CurrentUser user) {
        sessions.revokeOthers(user.userId(), user.sessionId());
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one session: its refresh and access tokens stop working at once")
    void endSession(CurrentUser user, @PathVariable @Size(max = 64) String id) {
        sessions.revoke(user.userId(), id, "ended_by_user");
    }
}
