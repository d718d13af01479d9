package com.sundispatch.identity;

/** An administrator changed an account's role (promotion to or demotion from ADMIN); its owner is told. */
public record RoleChanged(String eventId, String userId, String email, String fullName, Role from, Role to) {
}
