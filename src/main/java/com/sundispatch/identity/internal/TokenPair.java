package com.sundispatch.identity.internal;

/**
 * The result of a login or refresh. {@code deviceToken} is the device cookie to set (a sign-in from a new
 * device, or the known one again to keep it alive); null when there is none to set, as on every refresh.
 */
public record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken,
        String deviceToken) {

    TokenPair withDeviceToken(String token) {
        return new TokenPair(accessToken, tokenType, expiresIn, refreshToken, token);
    }

    @Override
    public String toString() {
        return "TokenPair[***]";
    }
}
