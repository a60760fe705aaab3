package com.callaudit.demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single byte range of a {@code Range} header, resolved against a body length.
 * Headers that are absent, malformed or ask for several ranges get the whole body, as
 * HTTP lets a server do.
 */
record ByteRange(long first, long last, boolean partial, boolean satisfiable) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** The whole body, answered with 200. */
    static ByteRange whole(long length) {
        return new ByteRange(0, length - 1, false, true);
    }

    static ByteRange parse(String header, long length) {
        if (header == null) {
            return whole(length);
        }
        Matcher matcher = SINGLE.matcher(header.strip());
        if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return whole(length);
        }
        try {
            return resolve(matcher.group(1), matcher.group(2), length);
        } catch (NumberFormatException tooLong) {
            return whole(length);
        }
    }

    private static ByteRange resolve(String from, String to, long length) {
        if (from.isEmpty()) {
            long suffix = Long.parseLong(to);
            if (suffix == 0 || length == 0) {
                return unsatisfiable();
            }
            return new ByteRange(Math.max(0, length - suffix), length - 1, true, true);
        }
        long first = Long.parseLong(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : Long.parseLong(to);
        if (last < first) {
            return whole(length);
        }
        if (first >= length) {
            return unsatisfiable();
        }
        return new ByteRange(first, Math.min(last, length - 1), true, true);
    }

    private static ByteRange unsatisfiable() {
        return new ByteRange(0, -1, true, false);
    }

    long count() {
        return last - first + 1;
    }
}
