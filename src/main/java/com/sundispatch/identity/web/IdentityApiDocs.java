package com.sundispatch.identity.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.sundispatch.shared.OpenApiExamples;

import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.responses.ApiResponse;

/** The identity module's examples and sign-in answers in the OpenAPI document (docs/openapi.md). */
@Configuration(proxyBeanMethods = false)
class IdentityApiDocs {

    private static final String TOKENS_SUMMARY = "Signed in: a bearer access token; the refresh token also in the "
            + "sd_refresh cookie (not in the body when X-Requested-With: SunDispatch was sent)";

    /** Public sign-in steps that answer 401 for wrong credentials or an unknown or used token. */
    private static final List<String> SIGN_IN_STEPS = List.of("/api/v1/auth/mfa/verify", "/api/v1/auth/mfa/passkey",
            "/api/v1/auth/mfa/passkey/options",
            "/api/v1/auth/passkey/login", "/api/v1/auth/refresh");

    @Bean
    OpenApiCustomizer identityApiExamples() {
        return api -> {
            // Added here rather than by @ApiResponse: an annotation would replace the generated 200 answer.
            for (String path : SIGN_IN_STEPS) {
                api.getPaths().get(path).getPost().getResponses().addApiResponse("401",
                        new ApiResponse().$ref("#/components/responses/Unauthorized"));
            }
            Map<String, Object> tokens = Map.of("accessToken", "eyJhbGciOiJIUzI1NiJ9.<claims>.<signature>",
                    "tokenType", "Bearer", "expiresIn", 900, "refreshToken", "rt_3q2-7wY0kN8s1bXo");
            OpenApiExamples.request(api, HttpMethod.POST, "/api/v1/auth/register", "register", "A new customer",
                    Map.of("email", "anna.meyer@example.com", "password", "Sunny-meadow-lantern-2931",
                            "fullName", "Anna Meyer", "language", "de"));
            OpenApiExamples.response(api, HttpMethod.POST, "/api/v1/auth/register", "202", "accepted",
                    "The same answer for a new and an existing address", Map.of("status", "verification_sent",
                            "message", "Check your mailbox: we sent a mail to this address with the next step."));
            OpenApiExamples.request(api, HttpMethod.POST, "/api/v1/auth/login", "login", "Email and password",
                    Map.of("email", "anna.meyer@example.com", "password", "Sunny-meadow-lantern-2931"));
            OpenApiExamples.response(api, HttpMethod.POST, "/api/v1/auth/login", "200", "tokens", TOKENS_SUMMARY,
                    tokens);
            OpenApiExamples.response(api, HttpMethod.POST, "/api/v1/auth/login", "200", "mfa",
                    "MFA is on: send a code with the mfaToken to /api/v1/auth/mfa/verify", Map.of("mfaRequired", true,
                            "mfaToken", "mfa_Zk3v9Q0bT1yLr2Xc", "methods", List.of("totp", "passkey")));
            OpenApiExamples.request(api, HttpMethod.POST, "/api/v1/auth/mfa/verify", "totp", "A TOTP code",
                    Map.of("mfaToken", "mfa_Zk3v9Q0bT1yLr2Xc", "code", "492039"));
            OpenApiExamples.response(api, HttpMethod.POST, "/api/v1/auth/mfa/verify", "200", "tokens",
                    TOKENS_SUMMARY, tokens);
        };
    }
}
