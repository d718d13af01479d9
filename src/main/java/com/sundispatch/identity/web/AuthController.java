package com.sundispatch.identity.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.identity.internal.AccountService;
import com.sundispatch.identity.internal.AuthService;
import com.sundispatch.identity.internal.AuthService.LoginResult;
import com.sundispatch.identity.internal.ClientContext;
import com.sundispatch.identity.internal.EmailChangeService;
import com.sundispatch.identity.internal.EmailLinkService;
import com.sundispatch.identity.internal.IdentityProperties;
import com.sundispatch.identity.internal.PasskeyService;
import com.sundispatch.identity.internal.PasskeyService.SignInOptions;
import com.sundispatch.identity.internal.TokenPair;
import com.sundispatch.identity.web.IdentityRequests.LoginRequest;
import com.sundispatch.identity.web.IdentityRequests.MfaVerifyRequest;
import com.sundispatch.identity.web.IdentityRequests.PasswordResetConfirmRequest;
import com.sundispatch.identity.web.IdentityRequests.PasswordResetRequest;
import com.sundispatch.identity.web.IdentityRequests.RefreshRequest;
import com.sundispatch.identity.web.IdentityRequests.RegisterRequest;
import com.sundispatch.identity.web.IdentityRequests.TokenRequest;
import com.sundispatch.identity.web.IdentityResponses.MfaChallengeResponse;
import com.sundispatch.identity.web.IdentityResponses.TokenResponse;
import com.sundispatch.security.ClientIpResolver;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.ApiException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Identity")
class AuthController {

    static final String REFRESH_COOKIE = "sd_refresh";
    private static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    /** Marks a browser the account signed in from before, so a sign-in elsewhere can be told to its owner. */
    static final String DEVICE_COOKIE = "sd_device";
    /** As long as browsers keep a cookie at all (they cap Max-Age at 400 days). */
    static final Duration DEVICE_COOKIE_LIFETIME = Duration.ofDays(400);
    static final String WEB_CLIENT = "SunDispatch";
    private static final String COOKIE_PATH = "/api/v1/auth";

    /** The same answer to every reset request, whether or not the account exists. */
    record Accepted(
            @Schema(allowableValues = { ACCEPTED, VERIFICATION_SENT_STATUS })
            String status,
            String message) {
    }

    /**
     * The one answer to every accepted registration, new address or existing: no id, nothing that differs.
     * The mail tells the owner of the address what happened.
     */
    static final String ACCEPTED = "accepted";
    static final String VERIFICATION_SENT_STATUS = "verification_sent";
    static final Accepted VERIFICATION_SENT = new Accepted(VERIFICATION_SENT_STATUS,
            "Check your mailbox: we sent a mail to this address with the next step.");

    private final AccountService accounts;
    private final AuthService auth;
    private final EmailLinkService emailLinks;
    private final ClientIpResolver clientIp;
    private final IdentityProperties properties;
    private final PasskeyService passkeys;
    private final EmailChangeService emailChanges;

    /** A passkey assertion: the JSON form of the browser's PublicKeyCredential, for the challenge it answers. */
    record PasskeyLoginRequest(@NotBlank @Size(max = 36) String challengeId, @JsonSetter(nulls = Nulls.FAIL) @NotNull @Schema(types = "object", description = PasskeyDocs.CREDENTIAL, additionalProperties = Schema.AdditionalPropertiesValue.TRUE) JsonNode credential) {
        @Override
        public String toString() {
            return "PasskeyLoginRequest[***]";
        }
    }

    record PasskeyMfaOptionsRequest(@NotBlank @Size(max = 200) String mfaToken) {
        @Override
        public String toString() {
            return "PasskeyMfaOptionsRequest[***]";
        }
    }

    record PasskeyMfaRequest(@NotBlank @Size(max = 200) String mfaToken, @NotBlank @Size(max = 36) String challengeId,
            @JsonSetter(nulls = Nulls.FAIL) @NotNull @Schema(types = "object", description = PasskeyDocs.CREDENTIAL, additionalProperties = Schema.AdditionalPropertiesValue.TRUE) JsonNode credential) {
        @Override
        public String toString() {
            return "PasskeyMfaRequest[***]";
        }
    }

    AuthController(AccountService accounts, AuthService auth, EmailLinkService emailLinks, ClientIpResolver clientIp,
            IdentityProperties properties, PasskeyService passkeys, EmailChangeService emailChanges) {
        this.passkeys = passkeys;
        this.emailChanges = emailChanges;
        this.accounts = accounts;
        this.auth = auth;
        this.emailLinks = emailLinks;
        this.clientIp = clientIp;
        this.properties = properties;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Register a customer account: 202 for a new and an existing address alike; a new address "
            + "gets a verification link by mail, an existing one a notice to its owner")
    Accepted register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        accounts.register(request.email(), request.password(), request.fullName(), request.language(),
                http.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return VERIFICATION_SENT;
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Confirm an email address with the token from the emailed link")
    void verifyEmail(@Valid @RequestBody TokenRequest request) {
        emailLinks.verifyEmail(request.token());
    }

    @PostMapping("/email-change/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Confirm a new email address with the token from the link mailed to it: the address is "
            + "switched, every other session ends (all of them when this request carries no access token of the "
            + "account), and the old address gets a notice with a 7-day undo link")
    void confirmEmailChange(@Valid @RequestBody TokenRequest request) {
        // The link is public (it arrives by mail), but a browser signed in to the account keeps its own session.
        String userId = null;
        String sessionId = null;
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            userId = jwt.getToken().getSubject();
            sessionId = jwt.getToken().getClaimAsString("sid");
        }
        emailChanges.confirm(request.token(), userId, sessionId);
    }

    @PostMapping("/email-change/undo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Undo an email change with the token mailed to the old address (valid 7 days): the old "
            + "address is restored, every session ends, the password stops working and a reset link is mailed")
    void undoEmailChange(@Valid @RequestBody TokenRequest request) {
        emailChanges.undo(request.token());
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange email and password for tokens, or for an MFA challenge", responses = {
            @ApiResponse(responseCode = "200", description = "Signed in (tokens; the refresh cookie is set), or "
                    + "the second factor is needed (mfaRequired true, with the mfaToken for the next step)",
                    content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {
                            TokenResponse.class, MfaChallengeResponse.class }))),
            @ApiResponse(responseCode = "401", ref = UNAUTHORIZED) })
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest request,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletRequest http) {
        LoginResult result = auth.login(request.email(), request.password(), client(http, device));
        if (result instanceof LoginResult.MfaRequired mfa) {
            return ResponseEntity.ok(new MfaChallengeResponse(true, mfa.mfaToken(), mfa.methods()));
        }
        return withCookie(((LoginResult.Tokens) result).pair(), http);
    }

    @PostMapping("/mfa/verify")
    @Operation(summary = "Second login step: a TOTP code or a recovery code")
    ResponseEntity<TokenResponse> verifyMfa(@Valid @RequestBody MfaVerifyRequest request,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletRequest http) {
        return withCookie(auth.completeMfaLogin(request.mfaToken(), request.code(), client(http, device)), http);
    }

    @PostMapping("/passkey/options")
    @Operation(summary = "Start a passkey sign-in: WebAuthn request options (any passkey of this site) and the id "
            + "of their single-use challenge, valid 5 minutes")
    SignInOptions passkeyOptions() {
        return passkeys.signInOptions();
    }

    @PostMapping("/passkey/login")
    @Operation(summary = "Sign in with a passkey alone: the same tokens and cookie as a password sign-in")
    ResponseEntity<TokenResponse> passkeyLogin(@Valid @RequestBody PasskeyLoginRequest request,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletRequest http) {
        return withCookie(passkeys.signIn(request.challengeId(), request.credential().toString(),
                client(http, device)), http);
    }

    @PostMapping("/mfa/passkey/options")
    @Operation(summary = "Second login step with a passkey: request options listing the account's passkeys")
    SignInOptions mfaPasskeyOptions(@Valid @RequestBody PasskeyMfaOptionsRequest request, HttpServletRequest http) {
        return passkeys.secondFactorOptions(request.mfaToken(), client(http));
    }

    @PostMapping("/mfa/passkey")
    @Operation(summary = "Second login step: a passkey of the account instead of a TOTP code")
    ResponseEntity<TokenResponse> mfaPasskey(@Valid @RequestBody PasskeyMfaRequest request,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, HttpServletRequest http) {
        return withCookie(passkeys.completeSecondFactor(request.mfaToken(), request.challengeId(),
                request.credential().toString(), client(http, device)), http);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Rotate a refresh token (body or cookie) into a new token pair")
    @Parameter(in = ParameterIn.HEADER, name = "X-Requested-With", description = "SunDispatch: required when the "
            + "refresh token comes from the cookie (403 csrf_header_required otherwise); the answer then carries the "
            + "new refresh token in the cookie only", schema = @Schema(allowableValues = WEB_CLIENT))
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody(required = false) RefreshRequest request,
            @CookieValue(name = REFRESH_COOKIE, required = false) String cookie, HttpServletRequest http) {
        boolean fromBody = request != null && request.refreshToken() != null;
        if (!fromBody && cookie != null && !WEB_CLIENT.equals(http.getHeader("X-Requested-With"))) {
            // The cookie alone is ambient authority: a cross-site page cannot add this header (CORS preflight).
            throw ApiException.forbidden("csrf_header_required",
                    "Send X-Requested-With: SunDispatch when refreshing with the cookie.");
        }
        String presented = fromBody ? request.refreshToken() : cookie;
        return withCookie(auth.refresh(presented, client(http)), http);
    }

    @PostMapping("/logout")
    @Operation(summary = "End the current session: its access and refresh tokens stop working at once")
    // 204 (ResponseEntity.noContent below): said here too, so the document does not promise a 200.
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> logout(CurrentUser user) {
        auth.logout(user);
        ResponseCookie cleared = cookie("", Duration.ZERO);
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cleared.toString()).build();
    }

    @PostMapping("/password-reset/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Email a single-use reset link to the account's owner, if there is such an account")
    Accepted requestReset(@Valid @RequestBody PasswordResetRequest request) {
        emailLinks.requestPasswordReset(request.email());
        return new Accepted(ACCEPTED, "If an account exists for this email, a reset link is on its way.");
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with the emailed token; every session of the account ends")
    void confirmReset(@Valid @RequestBody PasswordResetConfirmRequest request) {
        emailLinks.confirmPasswordReset(request.token(), request.newPassword());
    }

    /**
     * The refresh token goes in its HttpOnly cookie, and in the body too for API clients (mobile apps) that
     * keep it themselves. The web client says who it is (X-Requested-With) and gets it in the cookie only, so
     * no script running in the page can ever read it. A sign-in also (re)sets the device cookie; it is never in
     * the body.
     */
    private ResponseEntity<TokenResponse> withCookie(TokenPair tokens, HttpServletRequest http) {
        ResponseCookie cookie = cookie(tokens.refreshToken(), properties.refreshAbsoluteTimeout());
        TokenResponse body = TokenResponse.of(tokens);
        if (WEB_CLIENT.equals(http.getHeader("X-Requested-With"))) {
            body = new TokenResponse(body.accessToken(), body.tokenType(), body.expiresIn(), null);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString());
        if (tokens.deviceToken() != null) {
            answer.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(DEVICE_COOKIE, tokens.deviceToken())
                    .httpOnly(true).secure(properties.secureCookies()).sameSite("Strict").path(COOKIE_PATH)
                    .maxAge(DEVICE_COOKIE_LIFETIME).build().toString());
        }
        return answer.body(body);
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(REFRESH_COOKIE, value).httpOnly(true).secure(properties.secureCookies())
                .sameSite("Strict").path(COOKIE_PATH).maxAge(maxAge).build();
    }

    private ClientContext client(HttpServletRequest http) {
        return client(http, null);
    }

    /** With the device cookie of a sign-in (only a sign-in reads it: it tells a known device from a new one). */
    private ClientContext client(HttpServletRequest http, String deviceCookie) {
        return new ClientContext(clientIp.resolve(http), http.getHeader(HttpHeaders.USER_AGENT), deviceCookie);
    }
}
