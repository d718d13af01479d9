package com.sundispatch.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Password hashing, session lifetimes and the bootstrap admin ({@code sundispatch.identity.*}). */
@ConfigurationProperties("sundispatch.identity")
public record IdentityProperties(
        @DefaultValue("12") int bcryptCost,
        @DefaultValue("0") int hashingThreads,
        @DefaultValue("32") int hashingQueue,
        @DefaultValue("PT10S") Duration hashingWait,
        @DefaultValue("P7D") Duration refreshIdleTimeout,
        @DefaultValue("P30D") Duration refreshAbsoluteTimeout,
        @DefaultValue("true") boolean secureCookies,
        String bootstrapAdminEmail,
        String bootstrapAdminPassword,
        @DefaultValue("Administrator") String bootstrapAdminName,
        @DefaultValue("PT5M") Duration reauthenticationWindow) {

    public IdentityProperties {
        if (bcryptCost < 10 || bcryptCost > 16) {
            throw new IllegalArgumentException("sundispatch.identity.bcrypt-cost must be between 10 and 16");
        }
        if (reauthenticationWindow.isNegative() || reauthenticationWindow.isZero()
                || reauthenticationWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(
                    "sundispatch.identity.reauthentication-window must be more than 0 and at most PT1H");
        }
        if (hashingQueue < 1) {
            throw new IllegalArgumentException("sundispatch.identity.hashing-queue must be at least 1");
        }
    }

    /** Threads that may hash at once: by default one per core, so logins never take every CPU for long. */
    public int effectiveHashingThreads() {
        return hashingThreads > 0 ? hashingThreads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String toString() {
        return "IdentityProperties[bcryptCost=" + bcryptCost + ", bootstrapAdminEmail=" + bootstrapAdminEmail + "]";
    }
}
