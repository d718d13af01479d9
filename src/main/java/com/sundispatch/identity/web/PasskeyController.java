package com.sundispatch.identity.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import com.sundispatch.identity.internal.PasskeyService;
import com.sundispatch.identity.internal.PasskeyService.PasskeyView;
import com.sundispatch.identity.internal.PasskeyService.RegistrationOptions;
import com.sundispatch.identity.internal.ReauthenticationService;
import com.sundispatch.security.CurrentUser;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The signed-in account's passkeys (docs/passkeys.md). */
@RestController
@RequestMapping("/api/v1/me/passkeys")
@Validated
@Tag(name = "Identity")
class PasskeyController {

    /** {@code credential}: the JSON form of the browser's PublicKeyCredential (base64url binary fields). */
    record AddPasskeyRequest(@NotBlank @Size(max = 36) String challengeId, @Size(max = 200) String name,
            @JsonSetter(nulls = Nulls.FAIL) @NotNull @Schema(types = "object", description = PasskeyDocs.CREDENTIAL, additionalProperties = Schema.AdditionalPropertiesValue.TRUE) JsonNode credential) {
        @Override
        public String toString() {
            return "AddPasskeyRequest[challengeId=" + challengeId + ", name=" + name + ", credential=***]";
        }
    }

    record RenamePasskeyRequest(@Size(max = 200) String name) {
    }

    private final PasskeyService passkeys;
    private final ReauthenticationService reauthentication;

    PasskeyController(PasskeyService passkeys, ReauthenticationService reauthentication) {
        this.passkeys = passkeys;
        this.reauthentication = reauthentication;
    }

    @PostMapping("/registration-options")
    @Operation(summary = "Start adding a passkey (needs a recent step-up): WebAuthn creation options and the id of "
            + "their single-use challenge, valid 5 minutes")
    RegistrationOptions registrationOptions(CurrentUser user) {
        reauthentication.require(user);
        return passkeys.registrationOptions(user.userId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a passkey: the browser's new credential for the challenge, and a name")
    PasskeyView add(CurrentUser user, @Valid @RequestBody AddPasskeyRequest request) {
        return passkeys.register(user.userId(), request.challengeId(), request.name(),
                request.credential().toString());
    }

    @GetMapping
    @Operation(summary = "The account's passkeys, oldest first")
    List<PasskeyView> list(CurrentUser user) {
        return passkeys.list(user.userId());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a passkey")
    PasskeyView rename(CurrentUser user, @PathVariable @Size(max = 36) String id,
            @Valid @RequestBody RenamePasskeyRequest request) {
        return passkeys.rename(user.userId(), id, request.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a passkey (needs a recent step-up); it can no longer sign in")
    void remove(CurrentUser user, @PathVariable @Size(max = 36) String id) {
        reauthentication.require(user);
        passkeys.remove(user.userId(), id);
    }
}
