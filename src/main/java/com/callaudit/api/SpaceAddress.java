package com.callaudit.api;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The origin of a SignalWire space, such as {@code https://example.signalwire.com}.
 *
 * <p>Users type a space in many ways ({@code example}, {@code example.signalwire.com},
 * {@code https://example.signalwire.com/}); all of them parse to the same origin. Plain
 * {@code http} is accepted only for loopback hosts, where the demo space runs, because
 * credentials must never cross a network unencrypted.
 */
public final class SpaceAddress {

    private static final String SIGNALWIRE_DOMAIN = ".signalwire.com";
    private static final Pattern HOST_LABEL =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final URI origin;

    private SpaceAddress(URI origin) {
        this.origin = origin;
    }

    /**
     * Parses what a user typed into the space field.
     *
     * @throws IllegalArgumentException with a message fit to show the user
     */
    public static SpaceAddress parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException(
                    "Enter your space, for example example.signalwire.com.");
        }
        String text = typed.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri = toUri(text, typed);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = normaliseHost(uri.getHost(), typed);
        if (!host.contains(".") && !isLoopback(host)) {
            host = host + SIGNALWIRE_DOMAIN;
        }
        checkScheme(scheme, host, typed);
        return new SpaceAddress(origin(scheme, host, uri.getPort()));
    }

    /** The origin for a server on this machine, such as the demo space. */
    public static SpaceAddress loopback(int port) {
        return new SpaceAddress(origin("http", "127.0.0.1", port));
    }

    /** Scheme, host and port, with no path: {@code https://example.signalwire.com}. */
    public URI origin() {
        return origin;
    }

    /** The host name alone, which is what the user calls the space. */
    public String host() {
        return origin.getHost();
    }

    /** Host, and port when it is not the scheme's default: what a title shows. */
    public String displayName() {
        return origin.getAuthority();
    }

    /** Whether the space is on this machine (the demo space, a test server). */
    public boolean isLoopback() {
        return isLoopback(origin.getHost());
    }

    /** Whether {@code uri} has this space's scheme, host and port. */
    public boolean isSameOrigin(URI uri) {
        return uri != null
                && uri.getScheme() != null
                && uri.getHost() != null
                && origin.getScheme().equalsIgnoreCase(uri.getScheme())
                && origin.getHost().equalsIgnoreCase(uri.getHost())
                && port(origin) == port(uri);
    }

    /** Resolves a path such as a {@code next_page_uri} against this origin. */
    public URI resolve(String pathAndQuery) {
        return origin.resolve(pathAndQuery);
    }

    private static URI toUri(String text, String typed) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new URISyntaxException(text, "no host");
            }
            if (uri.getUserInfo() != null) {
                throw new IllegalArgumentException("Type the space without a user name or "
                        + "password; the project ID and token go in their own fields.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + typed.strip()
                    + "\" is not a space address. Type it like example.signalwire.com.");
        }
    }

    private static String normaliseHost(String host, String typed) {
        String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.startsWith("[") || isIpv4Literal(ascii)) {
            return ascii;
        }
        for (String label : ascii.split("\\.")) {
            if (!HOST_LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("\"" + typed.strip()
                        + "\" is not a space address. Type it like example.signalwire.com.");
            }
        }
        return ascii;
    }

    private static void checkScheme(String scheme, String host, String typed) {
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(host)) {
            return;
        }
        if (scheme.equals("http")) {
            throw new IllegalArgumentException("CallAudit connects to " + host
                    + " only over https, so your token never crosses the network "
                    + "unencrypted. Type https:// or leave the scheme out.");
        }
        throw new IllegalArgumentException("\"" + typed.strip()
                + "\" is not a web address CallAudit can use; spaces are reached over https.");
    }

    private static URI origin(String scheme, String host, int port) {
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String portPart = port == -1 || port == defaultPort ? "" : ":" + port;
        return URI.create(scheme + "://" + host + portPart);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static boolean isIpv4Literal(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static boolean isLoopback(String host) {
        String bare = host.replace("[", "").replace("]", "");
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!isIpv4Literal(bare) && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpaceAddress that && origin.equals(that.origin);
    }

    @Override
    public int hashCode() {
        return origin.hashCode();
    }

    @Override
    public String toString() {
        return origin.toString();
    }
}
