package com.callaudit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes hostile inputs for bounded fuzz runs: random bytes, and valid samples with a few
 * bytes flipped, cut, repeated or overwritten by tokens that parsers trip on. Driven by
 * one {@link Random}, so a run is reproduced by its seed.
 */
public final class Mutator {

    /** Set {@code -Dcallaudit.fuzz.seed=N} to replay a failing run. */
    public static final String SEED_PROPERTY = "callaudit.fuzz.seed";

    private static final List<byte[]> TOKENS = List.of(bytes("\u0000"), bytes("\"\\u0000\""),
            bytes("null"), bytes("-0"), bytes("1e999999999"), bytes("-1"),
            bytes("99999999999999999999999999"), bytes("{"), bytes("}"), bytes("["),
            bytes("]"), bytes(","), bytes("\""), bytes("\\"), bytes("\uFFFF"),
            new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xC3},
            bytes("RIFF"), bytes("WAVE"), bytes("fmt "), bytes("data"), bytes("LIST"),
            new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            new byte[] {0, 0, 0, (byte) 0x80}, new byte[] {(byte) 0xFE, (byte) 0xFF});

    private final Random random;

    public Mutator(Random random) {
        this.random = random;
    }

    /** The seed of this run: the property if set, else {@code fallback}; printed. */
    public static long seed(String what, long fallback) {
        long seed = Long.getLong(SEED_PROPERTY, fallback);
        System.out.println(what + " fuzz seed " + seed + " (replay with -D"
                + SEED_PROPERTY + "=" + seed + ")");
        return seed;
    }

    /** Up to {@code maxLength} random bytes. */
    public byte[] randomBytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code sample} with one to four random changes. */
    public byte[] mutate(byte[] sample) {
        byte[] out = sample;
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            out = mutateOnce(out);
        }
        return out;
    }

    private byte[] mutateOnce(byte[] in) {
        if (in.length == 0) {
            return TOKENS.get(random.nextInt(TOKENS.size())).clone();
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(6)) {
            case 0: {
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: {
                byte[] out = in.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            case 2:
                return Arrays.copyOf(in, at);
            case 3: {
                int length = 1 + random.nextInt(Math.min(64, in.length - at));
                return splice(in, at, at, Arrays.copyOfRange(in, at, at + length));
            }
            case 4: {
                int length = 1 + random.nextInt(Math.min(16, in.length - at));
                return splice(in, at, at + length, new byte[0]);
            }
            default: {
                byte[] token = TOKENS.get(random.nextInt(TOKENS.size()));
                int end = Math.min(in.length, at + random.nextInt(token.length + 1));
                return splice(in, at, end, token);
            }
        }
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
