package com.sundispatch.shared;

/** Who makes a move in a life cycle; the state machines say which of them may make which move. */
public enum Actor {
    CUSTOMER, INSTALLER, ADMIN, SYSTEM
}
