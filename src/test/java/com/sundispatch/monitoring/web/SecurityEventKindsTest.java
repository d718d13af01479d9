package com.sundispatch.monitoring.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.annotations.media.Schema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented kinds of the security history are exactly the kinds the controller maps audit types to: the
 * annotation lists them by hand (an annotation cannot call code), so a new kind must be added there as well.
 */
class SecurityEventKindsTest {

    @Test
    void documentedKindsAreTheMappedKinds() throws NoSuchFieldException {
        Schema kind = SecurityHistoryController.SecurityEventResponse.class.getDeclaredField("kind")
                .getAnnotation(Schema.class);
        assertThat(kind).as("@Schema on SecurityEventResponse.kind").isNotNull();
        assertThat(new TreeSet<>(List.of(kind.allowableValues())))
                .isEqualTo(new TreeSet<>(SecurityHistoryController.KINDS.values()));
    }

    @Test
    void documentedOutcomesAreTheThreeWords() throws NoSuchFieldException {
        Schema outcome = SecurityHistoryController.SecurityEventResponse.class.getDeclaredField("outcome")
                .getAnnotation(Schema.class);
        assertThat(Set.of(outcome.allowableValues())).isEqualTo(Set.of(SecurityHistoryController.SUCCESS,
                SecurityHistoryController.FAILURE, SecurityHistoryController.INFO));
    }
}
