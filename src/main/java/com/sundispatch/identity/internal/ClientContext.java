package com.sundispatch.identity.internal;

/** Where a request came from, for the session row: the resolved client IP and a trimmed User-Agent. */
public record ClientContext(String ip, String userAgent) {

    public ClientContext {
        ip = ip == null ? "" : (ip.length() > 45 ? ip.substring(0, 45) : ip);
        userAgent = userAgent == null ? "" : cleaned(userAgent);
    }

    private static String cleaned(String ua) {
        String printable = ua.replaceAll("\\p{Cntrl}", " ");
        return printable.length() > 200 ? printable.substring(0, 200) : printable;
    }
}
