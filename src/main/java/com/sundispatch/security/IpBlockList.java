package com.sundispatch.security;

import java.util.Optional;

/**
 * Addresses that may not use the API (or only not its sign-in endpoints). Owned and maintained by the
 * monitoring module; enforced by the security filter chain before anything else runs.
 */
public interface IpBlockList {

    /** Why this client may not make this request, or empty when it may. Must be fast: called per request. */
    Optional<String> blocked(String ip, String path);
}
