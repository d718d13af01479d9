package com.sundispatch.identity.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

import com.sundispatch.security.ClientKeys;

/**
 * What a sign-in notice may say about a device: the browser and OS families read from the User-Agent, and a
 * coarse network (IPv4 /24, IPv6 /48). Coarse on purpose: enough for the owner to tell "that was not me",
 * never a full address or a fingerprint.
 */
public record DeviceTraits(String browser, String operatingSystem, String network) {

    static final String OTHER = "other";
    static final String UNKNOWN_NETWORK = "unknown";

    static DeviceTraits of(ClientContext client) {
        return new DeviceTraits(browserFamily(client.userAgent()), osFamily(client.userAgent()),
                network(client.ip()));
    }

    /** True when both name the same browser, OS and network: how a client without the device cookie is known. */
    boolean sameAs(String otherBrowser, String otherOs, String otherNetwork) {
        return browser.equals(otherBrowser) && operatingSystem.equals(otherOs) && network.equals(otherNetwork);
    }

    /**
     * The browser family. Order matters: Edge, Opera and Samsung Internet say "Chrome" too, and Chrome says
     * "Safari"; so the specific tokens are looked for before the generic ones.
     */
    public static String browserFamily(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        if (containsAny(ua, "Edg/", "Edge/", "EdgA/", "EdgiOS/")) {
            return "Edge";
        }
        if (containsAny(ua, "OPR/", "Opera", "OPiOS/", "OPT/")) {
            return "Opera";
        }
        if (ua.contains("SamsungBrowser/")) {
            return "Samsung Internet";
        }
        if (containsAny(ua, "Firefox/", "FxiOS/")) {
            return "Firefox";
        }
        if (containsAny(ua, "Chrome/", "CriOS/", "Chromium/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/") && ua.contains("Version/")) {
            return "Safari";
        }
        return OTHER;
    }

    /**
     * The operating-system family. iOS before macOS (iPhones say "like Mac OS X"), Android and ChromeOS before
     * Linux (both say "Linux" or "X11").
     */
    public static String osFamily(String userAgent) {
        String ua = userAgent == null ? "" : userAgent;
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (containsAny(ua, "iPhone", "iPad", "iPod")) {
            return "iOS";
        }
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (containsAny(ua, "Macintosh", "Mac OS X")) {
            return "macOS";
        }
        if (containsAny(ua, "Linux", "X11")) {
            return "Linux";
        }
        return OTHER;
    }

    /**
     * The network of an address: {@code 203.0.113.0/24} for IPv4 (an IPv4-mapped IPv6 address counts as the IPv4
     * one), the first 48 bits for IPv6 ({@code 2001:db8:1::/48}), {@code unknown} for anything else.
     */
    public static String network(String ip) {
        InetAddress address = ClientKeys.parse(ip).orElse(null);
        if (address == null) {
            return UNKNOWN_NETWORK;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
        }
        int[] hextets = {((b[0] & 0xff) << 8) | (b[1] & 0xff), ((b[2] & 0xff) << 8) | (b[3] & 0xff),
                ((b[4] & 0xff) << 8) | (b[5] & 0xff)};
        // The rest of the address is zero: trailing zero groups fold into the "::".
        int last = hextets.length;
        while (last > 0 && hextets[last - 1] == 0) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < last; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(hextets[i]));
        }
        return sb.append("::/48").toString().toLowerCase(Locale.ROOT);
    }

    private static boolean containsAny(String text, String... tokens) {
        for (String token : tokens) {
            if (text.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
