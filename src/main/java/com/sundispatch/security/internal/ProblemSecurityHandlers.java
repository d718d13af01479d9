package com.sundispatch.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.sundispatch.shared.ErrorCodes;
import com.sundispatch.shared.Problems;

/**
 * 401 and 403 as RFC 9457 problems. The 401 always carries {@code WWW-Authenticate: Bearer}; the reason a
 * token failed (expired, bad signature, revoked) is not spelled out to the caller.
 */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint entryPoint() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
            boolean badToken = ex instanceof OAuth2AuthenticationException;
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                    badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            Problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    badToken ? ErrorCodes.INVALID_TOKEN : ErrorCodes.UNAUTHORIZED,
                    badToken ? "The access token is invalid, expired or revoked." : "Authentication is required.");
        };
    }

    static AccessDeniedHandler accessDenied() {
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) ->
                Problems.write(request, response, HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
                        "You are not allowed to do this.");
    }
}
