package com.sundispatch.security.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.sundispatch.security.HostResolver;
import com.sundispatch.security.UnsafeUrlException;

/**
 * The rules of SECURITY.md A10 for a URL the server will call. The result names the one address to connect
 * to, so the connection goes exactly where the check looked.
 */
public final class UrlGuard {

    /** A URL that passed, with the vetted address to connect to. */
    public record Target(String scheme, String host, int port, String pathAndQuery, InetAddress address) {
    }

    private final HostResolver resolver;
    private final Set<String> devAllowedHosts;

    public UrlGuard(HostResolver resolver, Set<String> devAllowedHosts) {
        this.resolver = resolver;
        this.devAllowedHosts = Set.copyOf(devAllowedHosts);
    }

    public Target vet(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw new UnsafeUrlException("syntax", "the URL is missing or too long");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new UnsafeUrlException("syntax", "the URL is not well formed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UnsafeUrlException("https_only", "only https URLs are accepted");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new UnsafeUrlException("no_user_info", "credentials in the URL are not accepted");
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI leaves "127.1" or "0x7f.0.0.1" as an unparsed authority: read it ourselves, so such
            // spellings are judged as the addresses a resolver would make of them.
            String authority = uri.getRawAuthority();
            int colon = authority.lastIndexOf(':');
            if (colon > 0 && !authority.endsWith("]") && authority.substring(colon + 1).matches("\\d{1,5}")) {
                port = Integer.parseInt(authority.substring(colon + 1));
                authority = authority.substring(0, colon);
            }
            host = authority;
        }
        if (host == null || host.isEmpty()) {
            throw new UnsafeUrlException("syntax", "the URL has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        boolean devAllowed = devAllowedHosts.contains(host);
        if (!scheme.equals("https") && !(devAllowed && scheme.equals("http"))) {
            throw new UnsafeUrlException("https_only", "only https URLs are accepted");
        }
        if (port != -1 && port != 443 && !devAllowed) {
            throw new UnsafeUrlException("default_port_only", "only the default https port is accepted");
        }
        if (uri.getRawFragment() != null) {
            throw new UnsafeUrlException("no_fragment", "a fragment is not accepted");
        }
        int effectivePort = port != -1 ? port : scheme.equals("https") ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        if (pathAndQuery.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new UnsafeUrlException("syntax", "the path contains control characters or spaces");
        }
        InetAddress address = resolveAndCheck(host, devAllowed);
        return new Target(scheme, host, effectivePort, pathAndQuery, address);
    }

    private InetAddress resolveAndCheck(String host, boolean devAllowed) {
        Optional<InetAddress> literal = AddressRules.literal(host);
        List<InetAddress> addresses;
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        } else if (host.matches("[0-9.]+|0x[0-9a-fx.]*")) {
            throw new UnsafeUrlException("syntax", "the host looks like an IP address but is not a valid one");
        } else {
            if (!host.matches("[a-z0-9]([a-z0-9-]{0,62}\\.)*[a-z0-9-]{1,63}")) {
                throw new UnsafeUrlException("syntax", "the host name is not valid");
            }
            try {
                addresses = resolver.resolve(host);
            } catch (UnknownHostException e) {
                throw new UnsafeUrlException("resolvable_host", "the host name does not resolve");
            }
            if (addresses.isEmpty()) {
                throw new UnsafeUrlException("resolvable_host", "the host name does not resolve");
            }
        }
        if (!devAllowed) {
            for (InetAddress a : addresses) {
                Optional<String> rule = AddressRules.forbidden(a);
                if (rule.isPresent()) {
                    throw new UnsafeUrlException("public_address",
                            "the host resolves to a " + rule.get() + " address");
                }
            }
        }
        return addresses.get(0);
    }
}
