package com.callaudit.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shrinks one record's serialized JSON by writing a few long values it repeats (its
 * own SID, the account SID, the call SID, the API prefix) as one control byte each,
 * and restores it byte for byte.
 *
 * <p>Serialized JSON never holds a raw byte below 0x20 (strings escape them, and
 * whitespace is 0x09, 0x0A, 0x0D or 0x20), so bytes 0x01 to 0x04 are free to mark the
 * values; check {@link #canPack} first and keep input that holds one anyway as it is.
 */
final class CompactJson {

    private static final int MARKERS = 4;
    private static final int SHORTEST_WORTH_IT = 8;

    private CompactJson() {
    }

    /** Whether {@code json} is free of the marker bytes, so {@link #pack} may pack it. */
    static boolean canPack(byte[] json) {
        for (byte b : json) {
            if (b >= 1 && b <= MARKERS) {
                return false;
            }
        }
        return true;
    }

    /**
     * The packed bytes.
     *
     * @param json bytes for which {@link #canPack} is true
     * @param values at most four values, in a fixed order; nulls and short ones unused
     */
    static byte[] pack(byte[] json, String... values) {
        byte[][] needles = needles(values);
        byte[] out = new byte[json.length];
        int length = 0;
        int i = 0;
        while (i < json.length) {
            int marker = matchAt(json, i, needles);
            if (marker >= 0) {
                out[length++] = (byte) (marker + 1);
                i += needles[marker].length;
            } else {
                out[length++] = json[i++];
            }
        }
        return length == json.length ? json : Arrays.copyOf(out, length);
    }

    /** The JSON {@link #pack} was given, from its result and the same values. */
    static byte[] unpack(byte[] packed, String... values) {
        byte[][] needles = needles(values);
        int length = 0;
        for (byte b : packed) {
            length += isMarker(b, needles) ? needles[b - 1].length : 1;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte b : packed) {
            if (isMarker(b, needles)) {
                byte[] value = needles[b - 1];
                System.arraycopy(value, 0, out, at, value.length);
                at += value.length;
            } else {
                out[at++] = b;
            }
        }
        return out;
    }

    private static boolean isMarker(byte b, byte[][] needles) {
        return b >= 1 && b <= MARKERS && needles[b - 1] != null;
    }

    private static byte[][] needles(String[] values) {
        if (values.length > MARKERS) {
            throw new IllegalArgumentException("at most " + MARKERS + " values");
        }
        byte[][] needles = new byte[MARKERS][];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && values[i].length() >= SHORTEST_WORTH_IT) {
                needles[i] = values[i].getBytes(StandardCharsets.UTF_8);
            }
        }
        return needles;
    }

    private static int matchAt(byte[] json, int at, byte[][] needles) {
        for (int n = 0; n < needles.length; n++) {
            byte[] needle = needles[n];
            if (needle != null && at + needle.length <= json.length
                    && json[at] == needle[0] && startsWith(json, at, needle)) {
                return n;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] json, int at, byte[] needle) {
        for (int k = 1; k < needle.length; k++) {
            if (json[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Packs records cut straight out of a list page, one after another, reusing its
     * buffers; one instance per page reader, so not thread-safe. It looks for the values
     * only where a JSON text or a path segment starts (after a quote or a slash), which
     * is where they stand and costs a fraction of trying every byte; {@link #unpack}
     * restores its output as it does that of {@link CompactJson#pack}. A slice that holds
     * a marker byte comes back as a plain copy ({@link #packed()} then says false).
     */
    static final class Packer {

        // For each byte value, a bit per value that starts with it.
        private final int[] startsWith = new int[256];
        private final byte[][] needles = new byte[MARKERS][];
        private final int[] lengths = new int[MARKERS];
        private final String[] lastValues = new String[MARKERS];
        private byte[] scratch = new byte[2048];
        private boolean packed;

        /** Whether the last {@link #pack} packed; false means it copied the slice. */
        boolean packed() {
            return packed;
        }

        /** {@code json[from, to)} packed with the four values, in {@link #pack}'s order. */
        byte[] pack(byte[] json, int from, int to, String v0, String v1, String v2,
                String v3) {
            use(0, v0);
            use(1, v1);
            use(2, v2);
            use(3, v3);
            if (scratch.length < to - from) {
                scratch = new byte[Math.max(to - from, scratch.length * 2)];
            }
            byte[] out = scratch;
            int length = 0;
            int copied = from;
            int i = from;
            while (i < to) {
                byte b = json[i];
                if (b == '"' || b == '/') {
                    int start = i + 1;
                    int marker = start < to ? match(json, start, to) : -1;
                    if (marker >= 0) {
                        System.arraycopy(json, copied, out, length, start - copied);
                        length += start - copied;
                        out[length++] = (byte) (marker + 1);
                        copied = start + lengths[marker];
                        i = copied - 1;
                        continue;
                    }
                } else if (b > 0 && b <= MARKERS && i >= copied) {
                    packed = false;
                    return Arrays.copyOfRange(json, from, to);
                }
                i++;
            }
            System.arraycopy(json, copied, out, length, to - copied);
            length += to - copied;
            packed = true;
            return Arrays.copyOf(out, length);
        }

        private void use(int slot, String value) {
            if (value == lastValues[slot]) {
                return;
            }
            if (lengths[slot] > 0) {
                startsWith[needles[slot][0] & 0xFF] &= ~(1 << slot);
            }
            lastValues[slot] = value;
            lengths[slot] = value == null || value.length() < SHORTEST_WORTH_IT ? 0
                    : encode(slot, value);
            if (lengths[slot] > 0) {
                startsWith[needles[slot][0] & 0xFF] |= 1 << slot;
            }
        }

        // UTF-8 into the slot's own buffer; SIDs are ASCII, so that is a plain copy.
        private int encode(int slot, String value) {
            int length = value.length();
            byte[] buffer = needles[slot];
            if (buffer == null || buffer.length < length) {
                buffer = new byte[Math.max(length, 64)];
                needles[slot] = buffer;
            }
            for (int k = 0; k < length; k++) {
                char c = value.charAt(k);
                if (c >= 0x80) {
                    needles[slot] = value.getBytes(StandardCharsets.UTF_8);
                    return needles[slot].length;
                }
                buffer[k] = (byte) c;
            }
            return length;
        }

        private int match(byte[] json, int at, int to) {
            int candidates = startsWith[json[at] & 0xFF];
            for (int n = 0; candidates != 0; n++, candidates >>>= 1) {
                int length = lengths[n];
                if ((candidates & 1) != 0 && at + length <= to
                        && Arrays.equals(json, at, at + length, needles[n], 0, length)) {
                    return n;
                }
            }
            return -1;
        }
    }
}
