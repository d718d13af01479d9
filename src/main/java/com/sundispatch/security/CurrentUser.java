package com.sundispatch.security;

import java.util.Set;

/**
 * The authenticated caller of the current request, taken from a verified access token. Controllers
 * receive it as a method parameter; it is never built from request input.
 */
public record CurrentUser(String userId, String sessionId, Set<String> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
