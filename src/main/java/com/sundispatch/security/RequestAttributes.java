package com.sundispatch.security;

/** Request attributes the security chain leaves for the request log, which runs outside it. */
public final class RequestAttributes {

    /** The authenticated user's id, once the token was verified. */
    public static final String USER_ID = "sundispatch.userId";
    /** Set when the request was refused because its address is blocked. */
    public static final String BLOCKED = "sundispatch.blocked";

    private RequestAttributes() {
    }
}
