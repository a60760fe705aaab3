package com.callaudit.media;

/**
 * One byte range a player asked for with a {@code Range} header, resolved against the
 * length of the file served.
 *
 * @param first position of the first byte
 * @param last position of the last byte, inclusive as in {@code Content-Range}
 */
record ByteRange(long first, long last) {

    /** Stands for a range that lies wholly past the end: answer 416. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    /**
     * Resolves a {@code Range} header; null means "serve the whole file", which is also
     * the answer to forms this relay does not support (several ranges, other units).
     */
    static ByteRange parse(String header, long length) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        long start = number(spec.substring(0, dash).strip());
        long end = number(spec.substring(dash + 1).strip());
        if (dash == 0) {
            return suffix(end, length);
        }
        if (start < 0 || (dash < spec.length() - 1 && (end < 0 || end < start))) {
            return null;
        }
        if (start >= length) {
            return UNSATISFIABLE;
        }
        long last = end < 0 ? length - 1 : Math.min(end, length - 1);
        return new ByteRange(start, last);
    }

    /** Bytes in the range. */
    long length() {
        return last - first + 1;
    }

    /** The value of the {@code Content-Range} header for a file of {@code total}. */
    String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    private static ByteRange suffix(long count, long length) {
        if (count < 0) {
            return null;
        }
        if (count == 0 || length == 0) {
            return UNSATISFIABLE;
        }
        return new ByteRange(Math.max(0, length - count), length - 1);
    }

    /** The decimal value of {@code digits}, or -1 if it is not one. */
    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(
                Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits);
    }
}
