package com.sundispatch.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Raw secret values, bound from {@code SUNDISPATCH_*} environment variables (or {@code .env}) in
 * application.yml. Never logged: {@link #toString()} is redacted.
 */
@ConfigurationProperties("sundispatch.secrets")
public record SecretsProperties(
        String jwtSecret,
        String passwordPepper,
        String dataKey,
        String paymentWebhookSecret,
        /** The data key before the last rotation ({@code SUNDISPATCH_DATA_KEY_PREVIOUS}); empty otherwise. */
        String dataKeyPrevious,
        @DefaultValue("./data/dev-secrets.properties") String devSecretsFile) {

    @Override
    public String toString() {
        return "SecretsProperties[redacted]";
    }
}
