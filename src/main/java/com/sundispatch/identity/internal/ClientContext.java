package com.sundispatch.identity.internal;

import java.util.regex.Pattern;

/**
 * Where a request came from, for the session row: the resolved client IP and a trimmed User-Agent; and the
 * device cookie it presented (null for none, or for anything that cannot be one of ours).
 */
public record ClientContext(String ip, String userAgent, String deviceToken) {

    private static final Pattern DEVICE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    public ClientContext {
        ip = ip == null ? "" : (ip.length() > 45 ? ip.substring(0, 45) : ip);
        userAgent = userAgent == null ? "" : cleaned(userAgent);
        deviceToken = deviceToken != null && DEVICE_TOKEN.matcher(deviceToken).matches() ? deviceToken : null;
    }

    private static String cleaned(String ua) {
        String printable = ua.replaceAll("\\p{Cntrl}", " ");
        return printable.length() > 200 ? printable.substring(0, 200) : printable;
    }

    @Override
    public String toString() {
        return "ClientContext[ip=" + ip + ", userAgent=" + userAgent + ", deviceToken=" + (deviceToken == null ? "none"
                : "***") + "]";
    }
}
