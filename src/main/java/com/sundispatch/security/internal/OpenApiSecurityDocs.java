package com.sundispatch.security.internal;

import java.util.List;
import java.util.Locale;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

import com.sundispatch.security.CurrentUser;
import com.sundispatch.security.PublicPaths;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Who may call what, in the OpenAPI document, derived from the same rules the filter chain enforces
 * ({@link PublicPaths} and the role rules of {@link SecurityConfiguration}), so the two cannot drift: public
 * operations say {@code security: []}, every other one needs the bearer access token and documents 401. The
 * caller argument ({@link CurrentUser}) is filled from the token, never from the request, so it is not a parameter.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurityDocs {

    static final String BEARER = "bearerAuth";
    static final String REFRESH_COOKIE = "refreshCookie";
    static final String REFRESH_PATH = "/api/v1/auth/refresh";
    private static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    private static final String CONFLICT = "#/components/responses/Conflict";
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Bean
    OpenApiCustomizer securityApiDocs() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
        return OpenApiSecurityDocs::customise;
    }

    static void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("The access token from sign-in, MFA or refresh (TokenResponse.accessToken)."));
        components.addSecuritySchemes(REFRESH_COOKIE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("sd_refresh").description("The HttpOnly refresh cookie set at "
                        + "sign-in (path /api/v1/auth, SameSite=Strict). Only POST /api/v1/auth/refresh reads it, and "
                        + "only with the header X-Requested-With: SunDispatch (else 403 csrf_header_required); API "
                        + "clients may send the refresh token in the body instead."));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> secure(path, method, operation)));
    }

    private static void secure(String path, PathItem.HttpMethod method, Operation operation) {
        String access;
        if (REFRESH_PATH.equals(path)) {
            // Either the refresh token in the body (no scheme) or the refresh cookie.
            operation.setSecurity(List.of(new SecurityRequirement(),
                    new SecurityRequirement().addList(REFRESH_COOKIE)));
            access = "Public: the refresh token is the credential (in the body, or the sd_refresh cookie with "
                    + "X-Requested-With: SunDispatch).";
        } else if (isPublic(path, method)) {
            operation.setSecurity(List.of());
            access = "Public: no token needed.";
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (!responses.containsKey("401")) {
                responses.addApiResponse("401", new ApiResponse().$ref(UNAUTHORIZED));
            }
            // A signed-in caller's own row carries sealed personal data; a value that cannot be opened (copied from
            // another row, or sealed under a key no longer configured) answers 409 stored_data_unreadable, on reads too.
            if (!responses.containsKey("409")) {
                responses.addApiResponse("409", new ApiResponse().$ref(CONFLICT));
            }
            String role = role(path);
            access = role == null ? "Needs a bearer access token." : "Needs a bearer access token of a user with role "
                    + role + (role.equals("ADMIN") ? " (MFA set up)." : ".") + " Others get 403.";
        }
        String text = operation.getDescription() != null ? operation.getDescription() : operation.getSummary();
        operation.setDescription(text == null ? access : text + (text.endsWith(".") ? "" : ".") + "\n\n" + access);
    }

    /** The method and path rules of {@link PublicPaths}, exactly as the filter chain matches them. */
    static boolean isPublic(String path, PathItem.HttpMethod method) {
        HttpMethod http = HttpMethod.valueOf(method.name().toUpperCase(Locale.ROOT));
        for (PublicPaths.Rule rule : PublicPaths.RULES) {
            boolean methodMatches = rule.method() == null || rule.method().equals(http)
                    || (http == HttpMethod.HEAD && HttpMethod.GET.equals(rule.method()));
            if (methodMatches && PATHS.match(rule.pattern(), path)) {
                return true;
            }
        }
        return false;
    }

    /** The role rules of {@link SecurityConfiguration}, after the public ones. */
    static String role(String path) {
        if (PATHS.match("/api/v1/admin/**", path) || PATHS.match("/actuator/**", path)) {
            return "ADMIN";
        }
        if (PATHS.match("/api/v1/installer/**", path)) {
            return "INSTALLER";
        }
        return null;
    }
}
