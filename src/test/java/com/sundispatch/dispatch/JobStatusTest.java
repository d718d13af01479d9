package com.sundispatch.dispatch;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.sundispatch.shared.Actor;
import com.sundispatch.shared.IllegalMoveException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Walks the whole job machine: every legal move by each allowed party, and every other move refused. */
class JobStatusTest {

    /** The table of docs/installation.md, written out independently of the enum's own table. */
    private static final Map<String, Set<Actor>> LEGAL = Map.ofEntries(
            Map.entry("DISPATCHING>ASSIGNED", EnumSet.of(Actor.INSTALLER)),
            Map.entry("DISPATCHING>UNASSIGNED", EnumSet.of(Actor.SYSTEM)),
            Map.entry("DISPATCHING>CANCELLED", EnumSet.of(Actor.CUSTOMER, Actor.ADMIN)),
            Map.entry("UNASSIGNED>DISPATCHING", EnumSet.of(Actor.ADMIN)),
            Map.entry("UNASSIGNED>CANCELLED", EnumSet.of(Actor.CUSTOMER, Actor.ADMIN)),
            Map.entry("ASSIGNED>SCHEDULED", EnumSet.of(Actor.CUSTOMER, Actor.INSTALLER)),
            Map.entry("ASSIGNED>DISPATCHING", EnumSet.of(Actor.SYSTEM)),
            Map.entry("ASSIGNED>CANCELLED", EnumSet.of(Actor.CUSTOMER, Actor.ADMIN)),
            Map.entry("SCHEDULED>ASSIGNED", EnumSet.of(Actor.CUSTOMER, Actor.INSTALLER)),
            Map.entry("SCHEDULED>DISPATCHING", EnumSet.of(Actor.SYSTEM)),
            Map.entry("SCHEDULED>IN_PROGRESS", EnumSet.of(Actor.INSTALLER)),
            Map.entry("SCHEDULED>CANCELLED", EnumSet.of(Actor.CUSTOMER, Actor.ADMIN)),
            Map.entry("IN_PROGRESS>AWAITING_CONFIRMATION", EnumSet.of(Actor.INSTALLER)),
            Map.entry("IN_PROGRESS>CANCELLED", EnumSet.of(Actor.ADMIN)),
            Map.entry("AWAITING_CONFIRMATION>COMPLETED", EnumSet.of(Actor.CUSTOMER, Actor.SYSTEM)),
            Map.entry("AWAITING_CONFIRMATION>DISPUTED", EnumSet.of(Actor.CUSTOMER)),
            Map.entry("DISPUTED>IN_PROGRESS", EnumSet.of(Actor.ADMIN)),
            Map.entry("DISPUTED>COMPLETED", EnumSet.of(Actor.ADMIN)),
            Map.entry("DISPUTED>CANCELLED", EnumSet.of(Actor.ADMIN)));

    @Test
    void everyLegalMoveIsAllowedAndEveryOtherMoveIsRefused() {
        int legal = 0;
        int refused = 0;
        for (JobStatus from : JobStatus.values()) {
            for (JobStatus to : JobStatus.values()) {
                Set<Actor> allowed = LEGAL.getOrDefault(from + ">" + to, Set.of());
                for (Actor actor : Actor.values()) {
                    if (allowed.contains(actor)) {
                        JobStatus.Move move = from.to(to, actor);
                        assertThat(move.from()).isEqualTo(from);
                        assertThat(move.to()).isEqualTo(to);
                        legal++;
                    } else {
                        assertThatThrownBy(() -> from.to(to, actor)).as(from + ">" + to + " by " + actor)
                                .isInstanceOf(IllegalMoveException.class)
                                .hasFieldOrPropertyWithValue("code", "invalid_state");
                        refused++;
                    }
                }
            }
        }
        assertThat(legal).isEqualTo(LEGAL.values().stream().mapToInt(Set::size).sum());
        assertThat(legal + refused).isEqualTo(9 * 9 * Actor.values().length);
    }

    @Test
    void aMoveCannotBeBuiltAroundTheMachine() {
        assertThatThrownBy(() -> new JobStatus.Move(JobStatus.SCHEDULED, JobStatus.COMPLETED, Actor.INSTALLER))
                .isInstanceOf(IllegalMoveException.class);
        assertThatThrownBy(() -> new JobStatus.Move(JobStatus.AWAITING_CONFIRMATION, JobStatus.COMPLETED,
                Actor.INSTALLER)).as("an installer cannot confirm their own work")
                .isInstanceOf(IllegalMoveException.class);
        assertThatThrownBy(() -> new JobStatus.Move(null, JobStatus.COMPLETED, Actor.ADMIN))
                .isInstanceOf(IllegalMoveException.class);
    }

    @Test
    void completedAndCancelledAreFinal() {
        assertThat(JobStatus.COMPLETED.next()).isEmpty();
        assertThat(JobStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void onlyAdminsMayStopWorkThatHasStarted() {
        for (JobStatus status : EnumSet.of(JobStatus.IN_PROGRESS, JobStatus.AWAITING_CONFIRMATION,
                JobStatus.COMPLETED, JobStatus.DISPUTED)) {
            assertThat(status.allows(JobStatus.CANCELLED, Actor.CUSTOMER)).as(status.name()).isFalse();
        }
        assertThat(JobStatus.SCHEDULED.allows(JobStatus.CANCELLED, Actor.CUSTOMER)).isTrue();
    }
}
