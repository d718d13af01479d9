package com.sundispatch.identity.web;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.identity.internal.AccountService;
import com.sundispatch.identity.web.IdentityRequests.UpdateProfileRequest;
import com.sundispatch.identity.web.IdentityResponses.MeResponse;
import com.sundispatch.security.CurrentUser;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Identity")
class MeController {

    private final AccountService accounts;

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    MeResponse me(CurrentUser user) {
        return MeResponse.of(accounts.get(user.userId()));
    }

    @PatchMapping
    MeResponse update(CurrentUser user, @Valid @RequestBody UpdateProfileRequest request) {
        return MeResponse.of(accounts.updateProfile(user.userId(), request.fullName(), request.phone()));
    }
}
