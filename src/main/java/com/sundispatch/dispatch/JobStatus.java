package com.sundispatch.dispatch;

import static com.sundispatch.shared.Actor.ADMIN;
import static com.sundispatch.shared.Actor.CUSTOMER;
import static com.sundispatch.shared.Actor.INSTALLER;
import static com.sundispatch.shared.Actor.SYSTEM;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.sundispatch.shared.Actor;
import com.sundispatch.shared.IllegalMoveException;

/**
 * The life of an installation job and the only moves it may make, each with who may make it. This table is the
 * one source of truth: a {@link Move} cannot be constructed for anything it does not list, and every status
 * change the repositories write takes a {@code Move}.
 */
public enum JobStatus {
    DISPATCHING, ASSIGNED, SCHEDULED, IN_PROGRESS, AWAITING_CONFIRMATION, COMPLETED, DISPUTED, UNASSIGNED, CANCELLED;

    private static final Map<JobStatus, Map<JobStatus, Set<Actor>>> MOVES = new EnumMap<>(JobStatus.class);

    static {
        allow(DISPATCHING, ASSIGNED, INSTALLER);
        allow(DISPATCHING, UNASSIGNED, SYSTEM);
        allow(UNASSIGNED, DISPATCHING, ADMIN);
        allow(ASSIGNED, SCHEDULED, CUSTOMER, INSTALLER);
        allow(SCHEDULED, ASSIGNED, CUSTOMER, INSTALLER);
        allow(ASSIGNED, DISPATCHING, SYSTEM);
        allow(SCHEDULED, DISPATCHING, SYSTEM);
        allow(SCHEDULED, IN_PROGRESS, INSTALLER);
        allow(IN_PROGRESS, AWAITING_CONFIRMATION, INSTALLER);
        allow(AWAITING_CONFIRMATION, COMPLETED, CUSTOMER, SYSTEM);
        allow(AWAITING_CONFIRMATION, DISPUTED, CUSTOMER);
        allow(DISPUTED, IN_PROGRESS, ADMIN);
        allow(DISPUTED, COMPLETED, ADMIN);
        allow(DISPUTED, CANCELLED, ADMIN);
        for (JobStatus before : EnumSet.of(DISPATCHING, UNASSIGNED, ASSIGNED, SCHEDULED)) {
            allow(before, CANCELLED, CUSTOMER, ADMIN);
        }
        allow(IN_PROGRESS, CANCELLED, ADMIN);
    }

    private static void allow(JobStatus from, JobStatus to, Actor... actors) {
        MOVES.computeIfAbsent(from, f -> new EnumMap<>(JobStatus.class))
                .put(to, Collections.unmodifiableSet(EnumSet.of(actors[0], actors)));
    }

    /** Where this status may go, whoever asks. */
    public Set<JobStatus> next() {
        Map<JobStatus, Set<Actor>> targets = MOVES.get(this);
        return targets == null ? EnumSet.noneOf(JobStatus.class) : EnumSet.copyOf(targets.keySet());
    }

    public boolean allows(JobStatus target, Actor actor) {
        Map<JobStatus, Set<Actor>> targets = MOVES.get(this);
        return targets != null && targets.getOrDefault(target, Set.of()).contains(actor);
    }

    /** The move to {@code target} by {@code actor}; {@link IllegalMoveException} (409) when the machine has none. */
    public Move to(JobStatus target, Actor actor) {
        return new Move(this, target, actor);
    }

    /** A legal move; constructing one for anything the machine does not list throws. */
    public record Move(JobStatus from, JobStatus to, Actor actor) {

        public Move {
            if (from == null || to == null || actor == null || !from.allows(to, actor)) {
                throw new IllegalMoveException("job", from, to, actor);
            }
        }
    }
}
