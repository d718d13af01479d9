package com.sundispatch.security;

import java.util.Optional;

/**
 * The server-side secrets, validated at start-up. Byte arrays are handed out as copies so that no caller
 * can change the key material for everyone else.
 */
public final class Secrets {

    private final byte[] jwtKey;
    private final byte[] passwordPepper;
    private final byte[] dataKey;
    private final byte[] paymentWebhookSecret;
    private final byte[] previousDataKey;

    public Secrets(byte[] jwtKey, byte[] passwordPepper, byte[] dataKey, byte[] paymentWebhookSecret) {
        this(jwtKey, passwordPepper, dataKey, paymentWebhookSecret, null);
    }

    /** {@code previousDataKey} is null unless a data key rotation is under way. */
    public Secrets(byte[] jwtKey, byte[] passwordPepper, byte[] dataKey, byte[] paymentWebhookSecret,
            byte[] previousDataKey) {
        this.jwtKey = jwtKey.clone();
        this.passwordPepper = passwordPepper.clone();
        this.dataKey = dataKey.clone();
        this.paymentWebhookSecret = paymentWebhookSecret.clone();
        this.previousDataKey = previousDataKey == null ? null : previousDataKey.clone();
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

    /**
     * 32 bytes derived from {@code SUNDISPATCH_DATA_KEY_PREVIOUS} while a rotation is under way: values sealed
     * under it still decrypt, nothing is sealed under it any more. Empty when not configured.
     */
    public Optional<byte[]> previousDataKey() {
        return Optional.ofNullable(previousDataKey).map(byte[]::clone);
    }

    public byte[] paymentWebhookSecret() {
        return paymentWebhookSecret.clone();
    }

    @Override
    public String toString() {
        return "Secrets[redacted]";
    }
}
