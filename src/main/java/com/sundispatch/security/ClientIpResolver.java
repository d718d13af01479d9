package com.sundispatch.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the client that made a request: the TCP peer, unless that peer is a trusted proxy, in
 * which case {@code X-Forwarded-For} is read from the right, skipping trusted hops. A forged header from an
 * untrusted peer changes nothing.
 */
public interface ClientIpResolver {

    String resolve(HttpServletRequest request);
}
