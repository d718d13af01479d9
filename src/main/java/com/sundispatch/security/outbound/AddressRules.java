package com.sundispatch.security.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses the server must never call: loopback, private (RFC 1918, ULA), link-local (including the
 * cloud metadata address 169.254.169.254), CGNAT, multicast, unspecified, broadcast, reserved and
 * documentation ranges, and IPv6 forms that embed such an IPv4 address (mapped, compatible, 6to4, NAT64).
 */
public final class AddressRules {

    private AddressRules() {
    }

    /** The rule this address breaks, or empty when it is a public unicast address. */
    public static Optional<String> forbidden(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return forbiddenV4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isLinkLocalAddress() || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80)) {
            return Optional.of("link-local");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("private (ULA)");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("site-local");
        }
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible)
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
            return forbiddenV4(new byte[] { b[12], b[13], b[14], b[15] }).map(r -> r + " (IPv4 inside IPv6)");
        }
        // ::ffff:0:a.b.c.d (IPv4-translated)
        boolean firstEightZero = true;
        for (int i = 0; i < 8; i++) {
            firstEightZero &= b[i] == 0;
        }
        if (firstEightZero && b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0) {
            return Optional.of("IPv4-translated");
        }
        // Teredo (2001:0::/32) tunnels to an obfuscated IPv4 address; 100::/64 is the discard prefix.
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("Teredo");
        }
        if (b[0] == 0x01 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return Optional.of("discard");
        }
        // 64:ff9b::/96 NAT64 and 2002::/16 6to4 carry an IPv4 address too.
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            return forbiddenV4(new byte[] { b[12], b[13], b[14], b[15] }).map(r -> r + " (NAT64)");
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return forbiddenV4(new byte[] { b[2], b[3], b[4], b[5] }).map(r -> r + " (6to4)");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("documentation");
        }
        return Optional.empty();
    }

    private static Optional<String> forbiddenV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 0) {
            return Optional.of("unspecified");
        }
        if (b0 == 127) {
            return Optional.of("loopback");
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return Optional.of("private");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("link-local (cloud metadata)");
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return Optional.of("CGNAT");
        }
        if (b0 >= 224 && b0 <= 239) {
            return Optional.of("multicast");
        }
        if (b0 >= 240) {
            return Optional.of("reserved");
        }
        if ((b0 == 192 && b1 == 0 && b2 == 0) || (b0 == 198 && (b1 == 18 || b1 == 19))
                || (b0 == 192 && b1 == 88 && b2 == 99)) {
            return Optional.of("reserved");
        }
        if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100)
                || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return Optional.of("documentation");
        }
        return Optional.empty();
    }

    /**
     * Reads the host part of a URL as an IP literal if it is one in any spelling a resolver might accept:
     * dotted quad, a single integer (2130706433), hex (0x7f000001), octal or hex parts (0177.0.0.1),
     * short forms (127.1), or an IPv6 literal. Empty for a host name.
     */
    public static Optional<InetAddress> literal(String host) {
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
            try {
                return Optional.of(InetAddress.getByName(h));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        if (h.contains(":")) {
            return Optional.empty();
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return Optional.empty();
            }
            values[i] = v;
        }
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
        }
        long last = values[values.length - 1];
        if ((values.length == 4 && last > 255) || (values.length == 3 && last > 0xffff)
                || (values.length == 2 && last > 0xffffff)) {
            return Optional.empty();
        }
        long ip;
        switch (parts.length) {
            case 1 -> ip = values[0];
            case 2 -> ip = (values[0] << 24) | values[1];
            case 3 -> ip = (values[0] << 24) | (values[1] << 16) | values[2];
            default -> ip = (values[0] << 24) | (values[1] << 16) | (values[2] << 8) | values[3];
        }
        if (ip < 0 || ip > 0xffffffffL) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] { (byte) (ip >> 24), (byte) (ip >> 16),
                    (byte) (ip >> 8), (byte) ip }));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Long number(String part) {
        try {
            if (part.isEmpty()) {
                return null;
            }
            String p = part.toLowerCase();
            if (p.startsWith("0x")) {
                return p.length() == 2 ? 0L : Long.parseLong(p.substring(2), 16);
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return Long.parseLong(p.substring(1), 8);
            }
            return p.chars().allMatch(Character::isDigit) && p.length() <= 10 ? Long.parseLong(p) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
