package com.sundispatch.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that turns a client address into the key every per-address control uses (rate limits, failed
 * sign-ins per address, automatic blocks and the block check), so they all agree. An IPv4 address is its own
 * key. An IPv6 address counts as its whole network prefix (a /64 by default): one subscriber usually gets a
 * whole /64 and can rotate through it freely, so a per-/128 control would be no control. An IPv4-mapped IPv6
 * address ({@code ::ffff:203.0.113.5}) is the IPv4 address it carries; a zone id ({@code %eth0}) is ignored.
 */
public final class ClientKeys {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final int ipv6Prefix;

    public ClientKeys(int ipv6Prefix) {
        if (ipv6Prefix < 16 || ipv6Prefix > 128) {
            throw new IllegalArgumentException("sundispatch.security.ipv6-aggregation-prefix must be between 16 and "
                    + "128: " + ipv6Prefix);
        }
        this.ipv6Prefix = ipv6Prefix;
    }

    public int ipv6Prefix() {
        return ipv6Prefix;
    }

    /**
     * The key of this client: {@code 203.0.113.5} for IPv4, {@code 2001:db8:1:2:0:0:0:0/64} for IPv6, the input
     * itself (trimmed) when it is no address at all, {@code unknown} for none.
     */
    public String key(String ip) {
        Optional<InetAddress> parsed = parse(ip);
        if (parsed.isEmpty()) {
            return ip == null || ip.isBlank() ? "unknown" : ip.trim();
        }
        InetAddress address = parsed.get();
        return address instanceof Inet4Address ? address.getHostAddress() : network(address) + "/" + ipv6Prefix;
    }

    /** The range that {@link #key} stands for, as a CIDR to block: {@code a.b.c.d/32} or the IPv6 prefix. */
    public Optional<String> cidr(String ip) {
        return parse(ip).map(a -> a instanceof Inet4Address ? a.getHostAddress() + "/32"
                : network(a) + "/" + ipv6Prefix);
    }

    /**
     * The address in one canonical spelling ({@code 2001:db8:0:0:0:0:0:1}, IPv4-mapped as IPv4, no zone id), or
     * empty when the text is no IP literal. Never asks DNS.
     */
    public static Optional<String> canonical(String ip) {
        return parse(ip).map(InetAddress::getHostAddress);
    }

    /** Parses an IP literal without any name lookup; brackets and a zone id are accepted and dropped. */
    public static Optional<InetAddress> parse(String ip) {
        if (ip == null) {
            return Optional.empty();
        }
        String s = ip.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        // Only literals reach InetAddress: with a colon it is parsed as IPv6, the IPv4 form is checked first, so
        // no spelling can make this a DNS lookup.
        boolean v6 = s.indexOf(':') >= 0 && IPV6.matcher(s).matches()
                && (s.charAt(0) == ':' || Character.digit(s.charAt(0), 16) >= 0);
        if (!v6) {
            return ipv4(s);
        }
        try {
            InetAddress address = InetAddress.getByName(s);
            // Without the scope: the same address whatever interface it came in on.
            return Optional.of(InetAddress.getByAddress(address.getAddress()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Dotted-quad IPv4 built by hand: InetAddress would send an invalid one such as 999.1.1.1 to DNS. */
    private static Optional<InetAddress> ipv4(String s) {
        if (!IPV4.matcher(s).matches()) {
            return Optional.empty();
        }
        String[] parts = s.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) octet;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private String network(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (int bit = ipv6Prefix; bit < 128; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return ((Inet6Address) InetAddress.getByAddress(bytes)).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
