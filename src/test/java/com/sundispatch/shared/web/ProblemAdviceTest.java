package com.sundispatch.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.UniqueConstraints;

/** Extension members of an {@link ApiException} reach the problem body next to the standard ones. */
class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice(
            new StaticListableBeanFactory().getBeanProvider(UniqueConstraints.class));

    @Test
    void extensionMembersAreAddedToTheProblem() {
        ApiException ex = ApiException.badRequest("address_not_found", "We could not find this address.")
                .with("suggestions", List.of(Map.of("label", "10117 Berlin, DE")));

        ResponseEntity<Object> answer = advice.api(ex, new MockHttpServletRequest("GET", "/x"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ProblemDetail body = (ProblemDetail) answer.getBody();
        assertThat(body.getProperties()).containsEntry("code", "address_not_found")
                .containsEntry("suggestions", List.of(Map.of("label", "10117 Berlin, DE")));
    }

    @Test
    void standardMembersCannotBeOverwritten() {
        ApiException ex = ApiException.badRequest("x", "y");
        for (String reserved : List.of("code", "status", "type", "errors", "detail")) {
            assertThatThrownBy(() -> ex.with(reserved, "forged")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
