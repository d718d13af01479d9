package com.sundispatch.identity.internal;

/** The result of a login or refresh. */
public record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken) {
}
