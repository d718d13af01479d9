package com.sundispatch.identity.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.shared.UniqueConstraints;

/**
 * What each unique key of the identity tables means when a concurrent duplicate hits it (V1, V2). The users'
 * email key is deliberately not given a telling code: registration answers the same for a taken email, and a
 * race must not become an enumeration oracle (it falls back to the generic {@code conflict}).
 */
@Configuration(proxyBeanMethods = false)
class IdentityConstraints {

    @Bean
    UniqueConstraints identityUniqueConstraints() {
        return new UniqueConstraints(List.of(
                UniqueConstraints.named("uk_recovery_codes", "recovery_codes", "mfa_changed",
                        "Two-factor settings were changed at the same moment; reload and try again.")));
    }
}
