package com.callaudit.media;

/** Decoding of the ITU-T G.711 companded samples telephony recorders write. */
final class G711 {

    private static final short[] MU_LAW = new short[256];
    private static final short[] A_LAW = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            MU_LAW[code] = muLawToLinear(code);
            A_LAW[code] = aLawToLinear(code);
        }
    }

    private G711() {
    }

    /** The 16-bit linear value of one μ-law byte. */
    static short muLaw(byte code) {
        return MU_LAW[code & 0xFF];
    }

    /** The 16-bit linear value of one A-law byte. */
    static short aLaw(byte code) {
        return A_LAW[code & 0xFF];
    }

    private static short muLawToLinear(int code) {
        int inverted = ~code & 0xFF;
        int exponent = (inverted >> 4) & 0x07;
        int mantissa = inverted & 0x0F;
        int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
        return (short) ((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static short aLawToLinear(int code) {
        int toggled = code ^ 0x55;
        int segment = (toggled & 0x70) >> 4;
        int magnitude = (toggled & 0x0F) << 4;
        if (segment == 0) {
            magnitude += 8;
        } else {
            magnitude = (magnitude + 0x108) << (segment - 1);
        }
        return (short) ((toggled & 0x80) != 0 ? magnitude : -magnitude);
    }
}
