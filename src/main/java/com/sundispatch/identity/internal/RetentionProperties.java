package com.sundispatch.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long identity keeps what is no longer in use (docs/encryption-at-rest.md): sessions after they expired or
 * were revoked (with their refresh tokens), used or expired email-link tokens and MFA challenges, known devices not
 * seen for long. Deleted accounts are not purged here: the account erasure job does that.
 */
@ConfigurationProperties("sundispatch.retention")
public record RetentionProperties(
        @DefaultValue("P30D") Duration sessions,
        @DefaultValue("P7D") Duration tokens,
        @DefaultValue("P7D") Duration mfaChallenges,
        @DefaultValue("P400D") Duration devices,
        @DefaultValue("500") int batchSize) {
}
