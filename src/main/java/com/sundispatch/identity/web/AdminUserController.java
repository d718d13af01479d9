package com.sundispatch.identity.web;

import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.identity.internal.AccountService;
import com.sundispatch.identity.web.IdentityResponses.AdminUserResponse;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin")
class AdminUserController {

    private final AccountService accounts;

    AdminUserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    PageResponse<AdminUserResponse> list(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var pageable = PageRequests.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
        var result = accounts.search(q, pageable);
        return new PageResponse<>(result.getContent().stream().map(AdminUserResponse::of).toList(),
                result.getNumber(), result.getSize(), result.getTotalElements());
    }
}
