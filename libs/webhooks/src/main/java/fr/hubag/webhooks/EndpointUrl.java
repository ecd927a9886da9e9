package fr.hubag.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The URL a partner registers to receive its notifications. HTTPS only, with a host name and no credentials in it,
 * because the messages describe people's trajectories; plain HTTP to the local machine is accepted only when the
 * service is configured for it (tests, a demonstration), since otherwise a registered endpoint could make the hub
 * call its own internal services.
 */
public final class EndpointUrl {

    private EndpointUrl() {}

    /** The URL, or an {@link IllegalArgumentException} whose message says what is wrong with it. */
    public static URI parse(String text, boolean allowLocalHttp) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the endpoint URL is required");
        }
        if (text.length() > 2_000) {
            throw new IllegalArgumentException("the endpoint URL is longer than 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the endpoint URL is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the endpoint URL names no host");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("the endpoint URL carries credentials; the signature authenticates");
        }
        if (uri.getFragment() != null) {
            throw new IllegalArgumentException("the endpoint URL has a fragment, which is never sent");
        }
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!local && internalAddress(host)) {
            throw new IllegalArgumentException("the endpoint URL names a private or link-local address");
        }
        if (scheme.equals("https") && !local) {
            return uri;
        }
        if (local && allowLocalHttp && (scheme.equals("http") || scheme.equals("https"))) {
            return uri;
        }
        throw new IllegalArgumentException(local
                ? "the endpoint URL names this machine, which receives no partner notifications"
                : "the endpoint URL must use https");
    }

    /** An IP literal of a private, loopback, link-local (cloud metadata) or unspecified address; names are not resolved. */
    private static boolean internalAddress(String host) {
        boolean literal = host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!literal) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1)
                    : host);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || (address.getAddress()[0] & 0xfe) == 0xfc;
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
