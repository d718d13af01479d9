/**
 * Accounts and how people prove who they are: registration, password hashing and policy, login,
 * sessions with rotating refresh tokens, and the bootstrap admin.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "security",
        "shared" })
package com.sundispatch.identity;
