package com.callaudit.media;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a URL's host is this machine, decided without any name lookup. */
final class LoopbackHost {

    private LoopbackHost() {
    }

    static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.replace("[", "").replace("]", "");
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = bare.matches("[0-9.]+") || bare.contains(":");
        try {
            // Only literals reach getByName, so nothing is asked of DNS.
            return literal && InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
