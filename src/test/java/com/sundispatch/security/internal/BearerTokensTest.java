package com.sundispatch.security.internal;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTest {

    private final BearerTokens tokens = new BearerTokens();

    private static MockHttpServletRequest withAuthorization(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        if (value != null) {
            request.addHeader("Authorization", value);
        }
        return request;
    }

    @Test
    void theTokenAfterTheSchemeInAnyCase() {
        assertThat(tokens.resolve(withAuthorization("Bearer eyJ.abc-_~+/.x=="))).isEqualTo("eyJ.abc-_~+/.x==");
        assertThat(tokens.resolve(withAuthorization("bEaReR abc"))).isEqualTo("abc");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(tokens.resolve(withAuthorization(null))).isNull();
        assertThat(tokens.resolve(withAuthorization("Basic dXNlcjpwdw=="))).isNull();
    }

    @Test
    void aTokenInTheQueryIsNeverTaken() {
        MockHttpServletRequest request = withAuthorization(null);
        request.setParameter("access_token", "abc");
        assertThat(tokens.resolve(request)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer", "Bearer ", "Bearer  abc", "Bearerabc", "Bearer ab c", "Bearer a=b",
            "Bearer =", "Bearer abc\u00e9", "Bearer abc\n", "Bearer abc,def", "Bearer abc\t" })
    void aMalformedTokenIsRefusedAsInvalid(String header) {
        assertThatThrownBy(() -> tokens.resolve(withAuthorization(header)))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                        .isEqualTo("invalid_token"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer abc", "bearer a.b.c", "Bearer a==", "Bearer ab c", "Bearer a=b", "Bearer =",
            "Bearer ", "Bearerabc", "Bearer abc\u00e9", "Basic abc", "BEARER ~+/", "Bearer  abc" })
    void decidesExactlyAsSpringsResolverWithParametersOff(String header) {
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        assertThat(outcome(() -> tokens.resolve(withAuthorization(header))))
                .isEqualTo(outcome(() -> spring.resolve(withAuthorization(header))));
    }

    private static String outcome(Supplier<String> resolve) {
        try {
            return "token:" + resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "refused:" + e.getError().getErrorCode();
        }
    }
}
