package com.callaudit.demo;

/** G.711 μ-law encoding of 16-bit samples, as ITU-T G.711 defines it. */
final class MuLaw {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    private MuLaw() {
    }

    /** One 16-bit linear sample as one μ-law byte. */
    static byte encode(short sample) {
        int value = sample;
        int sign = value < 0 ? 0x80 : 0;
        if (value < 0) {
            value = -value;
        }
        value = Math.min(value, CLIP) + BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | exponent << 4 | mantissa);
    }
}
