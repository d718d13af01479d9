package com.sundispatch.identity.web;

import java.time.Instant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.sundispatch.identity.internal.AccountService;
import com.sundispatch.identity.internal.Languages;
import com.sundispatch.shared.PresentNotNull;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Request bodies of the identity endpoints. Unknown fields are refused by the JSON reader (400). */
final class IdentityRequests {

    /** ASCII only (internationalised domains in their xn-- form): one spelling per mailbox, no look-alikes. */
    static final String EMAIL = AccountService.EMAIL_PATTERN;
    /** Letters of any script, spaces, apostrophes, dots and hyphens: enough for real names, no markup. */
    static final String NAME = "^[\\p{L}\\p{M}][\\p{L}\\p{M} '.\\-]{0,99}$";
    static final String PHONE = "^$|^\\+?[0-9][0-9 ()\\-]{5,19}$";
    static final String LANGUAGE = Languages.PATTERN;
    static final String LANGUAGE_MESSAGE = "must be en or de";

    private IdentityRequests() {
    }

    record RegisterRequest(
            @NotBlank @Size(max = 254) @Email @Pattern(regexp = EMAIL, message = "must be a valid email address")
            String email,
            @NotNull @Size(max = 1024) String password,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME,
                    message = "may contain letters, spaces, apostrophes, dots and hyphens") String fullName,
            @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String language) {

        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + ", password=***]";
        }
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + ", password=***]";
        }
    }

    record RefreshRequest(@Size(max = 200) String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[***]";
        }
    }

    record MfaVerifyRequest(@NotBlank @Size(max = 200) String mfaToken, @NotBlank @Size(max = 32) String code) {
        @Override
        public String toString() {
            return "MfaVerifyRequest[***]";
        }
    }

    record ChangeEmailRequest(
            @NotBlank @Size(max = 254) @Email @Pattern(regexp = EMAIL, message = "must be a valid email address")
            String newEmail) {
    }

    record TokenRequest(@NotBlank @Size(max = 200) String token) {
        @Override
        public String toString() {
            return "TokenRequest[***]";
        }
    }

    record PasswordResetRequest(@NotBlank @Size(max = 254) String email) {
    }

    record PasswordResetConfirmRequest(@NotBlank @Size(max = 200) String token,
            @NotNull @Size(max = 1024) String newPassword) {
        @Override
        public String toString() {
            return "PasswordResetConfirmRequest[***]";
        }
    }

    record ChangePasswordRequest(@NotNull @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword, @Size(max = 32) String code) {
        @Override
        public String toString() {
            return "ChangePasswordRequest[***]";
        }
    }

    record CodeRequest(@NotBlank @Size(max = 32) String code) {
        @Override
        public String toString() {
            return "CodeRequest[***]";
        }
    }

    /**
     * New recovery codes replace the second factor's fallback, so they take the second factor itself: a current
     * authenticator code. A step-up with the password alone (stolen token plus phished password) is not enough.
     */
    record RegenerateRecoveryCodesRequest(@NotBlank @Size(max = 32) String code) {
        @Override
        public String toString() {
            return "RegenerateRecoveryCodesRequest[***]";
        }
    }

    record DisableMfaRequest(@NotBlank @Size(max = 32) String code, @NotNull @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "DisableMfaRequest[***]";
        }
    }

    /** Step-up proof: exactly one of the two (checked by the service, answered as validation_failed). */
    record ReauthenticateRequest(@Size(max = 1024) String password, @Size(max = 32) String code) {
        @Override
        public String toString() {
            return "ReauthenticateRequest[***]";
        }
    }

    record MfaResetRequest(@NotBlank @Size(max = 200) String reason) {
    }

    /** {@code until} left out or null: a ban without end. */
    record BanRequest(@NotBlank @Size(max = 200) String reason,
            @Schema(types = {"string", "null"}, format = "date-time",
                    description = "When the ban ends; null or left out: it does not end") Instant until) {
    }

    @Schema(name = "NoInputRequest", description = "An empty JSON object: the operation takes no input")
    record EmptyRequest() {
    }

    /**
     * A partial update: a field left out stays as it is; sent as null it is refused (400 on the field), since a
     * name or language cannot be cleared and the phone is cleared with "" (docs/openapi.md, "Requests").
     */
    record UpdateProfileRequest(
            @JsonDeserialize(using = PresentNotNull.class) @Size(min = 1, max = 100) @Pattern(regexp = NAME,
                    message = "may contain letters, spaces, apostrophes, dots and hyphens") String fullName,
            @JsonDeserialize(using = PresentNotNull.class) @Size(max = 32) @Pattern(regexp = PHONE,
                    message = "must be a phone number such as +49 30 1234567") String phone,
            @JsonDeserialize(using = PresentNotNull.class) @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE)
            String language) {
    }
}
