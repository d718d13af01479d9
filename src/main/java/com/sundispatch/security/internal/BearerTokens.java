package com.sundispatch.security.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The access token of a request: from the {@code Authorization: Bearer} header only (never a query or form
 * parameter, where it would end up in logs and histories), checked against RFC 6750's b64token grammar
 * ({@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}). The same rule as Spring's
 * DefaultBearerTokenResolver with parameters off, without its case-insensitive regular expression: matching a
 * 300-character token through that regex's nested character classes was up to a fifth of {@code GET /me}'s CPU
 * in a profile (BENCHMARKS.md). A malformed token is refused like a bad one (401 invalid_token).
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !isB64Token(authorization, SCHEME.length())) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length());
    }

    /** Whether {@code s} from {@code from} on is one or more token characters followed by nothing but '='. */
    static boolean isB64Token(String s, int from) {
        int i = from;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        return i == s.length();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
