package com.callaudit.demo;

/**
 * Reads the frame headers of a constant-bit-rate MPEG audio Layer III file to learn how
 * long it plays, so a loop of it can be repeated to a target duration.
 */
final class Mp3Frames {

    // Bit rates in kbit/s by index, for MPEG-1 and for MPEG-2/2.5 Layer III.
    private static final int[] MPEG1_KBPS =
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_KBPS =
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};

    private Mp3Frames() {
    }

    /** Whether the bytes at {@code offset} look like a Layer III frame header. */
    static boolean isFrameSync(byte[] data, int offset) {
        return offset + 1 < data.length
                && (data[offset] & 0xFF) == 0xFF
                && (data[offset + 1] & 0xE0) == 0xE0
                && ((data[offset + 1] >> 1) & 0x3) == 1;
    }

    /**
     * The playing time of {@code data} in seconds.
     *
     * @throws IllegalArgumentException if the bytes are not back-to-back Layer III frames
     */
    static double seconds(byte[] data) {
        double seconds = 0;
        int offset = 0;
        while (offset < data.length) {
            if (!isFrameSync(data, offset) || offset + 3 >= data.length) {
                throw new IllegalArgumentException("no MP3 frame at byte " + offset);
            }
            int versionBits = (data[offset + 1] >> 3) & 0x3;
            int bitrateIndex = (data[offset + 2] >> 4) & 0xF;
            int rateIndex = (data[offset + 2] >> 2) & 0x3;
            int padding = (data[offset + 2] >> 1) & 0x1;
            if (versionBits == 1 || bitrateIndex == 0 || bitrateIndex == 15
                    || rateIndex == 3) {
                throw new IllegalArgumentException("bad MP3 header at byte " + offset);
            }
            boolean mpeg1 = versionBits == 3;
            int divisor = versionBits == 0 ? 4 : versionBits == 2 ? 2 : 1;
            int sampleRate = MPEG1_RATES[rateIndex] / divisor;
            int kbps = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex];
            int samplesPerFrame = mpeg1 ? 1152 : 576;
            int frameLength = samplesPerFrame / 8 * kbps * 1000 / sampleRate + padding;
            seconds += (double) samplesPerFrame / sampleRate;
            offset += frameLength;
        }
        return seconds;
    }
}
