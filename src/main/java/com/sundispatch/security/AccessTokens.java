package com.sundispatch.security;

import java.time.Duration;
import java.util.Collection;

/** Issues the short-lived signed access tokens (JWT) that every protected request carries. */
public interface AccessTokens {

    /** {@code mfa}: the account has two-factor authentication on (admins need it to act as admins). */
    AccessToken issue(String userId, Collection<String> roles, String sessionId, boolean mfa);

    /** How long an access token lives; a revoked session must stay revoked at least this long (plus skew). */
    Duration lifetimeWithSkew();
}
