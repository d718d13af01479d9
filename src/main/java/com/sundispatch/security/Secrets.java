package com.sundispatch.security;

/**
 * The server-side secrets, validated at start-up. Byte arrays are handed out as copies so that no caller
 * can change the key material for everyone else.
 */
public final class Secrets {

    private final byte[] jwtKey;
    private final byte[] passwordPepper;
    private final byte[] dataKey;
    private final byte[] paymentWebhookSecret;

    public Secrets(byte[] jwtKey, byte[] passwordPepper, byte[] dataKey, byte[] paymentWebhookSecret) {
        this.jwtKey = jwtKey.clone();
        this.passwordPepper = passwordPepper.clone();
        this.dataKey = dataKey.clone();
        this.paymentWebhookSecret = paymentWebhookSecret.clone();
    }

    public byte[] jwtKey() {
        return jwtKey.clone();
    }

    public byte[] passwordPepper() {
        return passwordPepper.clone();
    }

    /** 32 bytes for AES-256-GCM, derived from {@code SUNDISPATCH_DATA_KEY}. */
    public byte[] dataKey() {
        return dataKey.clone();
    }

    public byte[] paymentWebhookSecret() {
        return paymentWebhookSecret.clone();
    }

    @Override
    public String toString() {
        return "Secrets[redacted]";
    }
}
