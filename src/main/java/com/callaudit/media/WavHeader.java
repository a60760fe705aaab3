package com.callaudit.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The format of a RIFF WAVE file and where its audio data starts.
 *
 * <p>Reading stops at the first byte of the {@code data} chunk, so a stream can be read
 * on from there. Sizes come from untrusted files: the reader never allocates from them,
 * reads at most {@link #MAX_HEADER_BYTES} before giving up, and reports every problem as
 * a {@link MalformedWavException}. Immutable and thread-safe.
 */
public final class WavHeader {

    /** Integer PCM samples. */
    public static final int PCM = 1;
    /** IEEE float samples. */
    public static final int IEEE_FLOAT = 3;
    /** G.711 A-law, 8 bits a sample. */
    public static final int A_LAW = 6;
    /** G.711 μ-law, 8 bits a sample. */
    public static final int MU_LAW = 7;
    /** A header whose real format is in a sub-format GUID. */
    public static final int EXTENSIBLE = 0xFFFE;

    /** How far into a file the data chunk may start; telephony headers are tiny. */
    public static final int MAX_HEADER_BYTES = 1 << 20;

    private static final int MIN_FMT_SIZE = 16;
    private static final int EXTENSIBLE_FMT_SIZE = 40;
    private static final long UNSIGNED_INT_MASK = 0xFFFF_FFFFL;
    /** The last 14 bytes every standard KSDATAFORMAT sub-format GUID shares. */
    private static final byte[] GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
        0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };

    private final int formatTag;
    private final boolean extensible;
    private final int channels;
    private final int sampleRate;
    private final int bitsPerSample;
    private final int blockAlign;
    private final long dataOffset;
    private final long dataSize;

    private WavHeader(Builder b) {
        this.formatTag = b.formatTag;
        this.extensible = b.extensible;
        this.channels = b.channels;
        this.sampleRate = b.sampleRate;
        this.bitsPerSample = b.bitsPerSample;
        this.blockAlign = b.blockAlign;
        this.dataOffset = b.offset;
        this.dataSize = b.dataSize;
    }

    /** Reads a header from the start of {@code bytes}. */
    public static WavHeader parse(byte[] bytes) throws MalformedWavException {
        try {
            return read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            // A byte array cannot fail to read; keep the promise of one exception type.
            throw new MalformedWavException("The WAV header could not be read.");
        }
    }

    /**
     * Reads a header from {@code in}, leaving the stream at the first byte of audio data.
     *
     * @throws IOException when the stream itself fails, not when its bytes are wrong
     */
    public static WavHeader read(InputStream in) throws IOException, MalformedWavException {
        Builder b = new Builder(in);
        b.readRiffPreamble();
        while (true) {
            byte[] id = b.readBytes(4);
            long size = b.readUnsignedInt();
            String name = chunkName(id);
            if (name.equals("fmt ")) {
                b.readFormat(size);
            } else if (name.equals("data")) {
                if (!b.hasFormat) {
                    throw new MalformedWavException(
                            "The WAV file has audio data before its format chunk.");
                }
                b.dataSize = size;
                return new WavHeader(b);
            } else {
                b.skip(size + (size & 1));
            }
        }
    }

    /** The encoding tag; for an extensible header, the tag of its sub-format. */
    public int formatTag() {
        return formatTag;
    }

    /** Whether the file used the WAVE_FORMAT_EXTENSIBLE header. */
    public boolean isExtensible() {
        return extensible;
    }

    public int channels() {
        return channels;
    }

    /** Frames a second, in hertz. */
    public int sampleRate() {
        return sampleRate;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    /** Bytes in one frame (one sample of every channel). */
    public int blockAlign() {
        return blockAlign;
    }

    /** Byte position of the first audio byte in the file. */
    public long dataOffset() {
        return dataOffset;
    }

    /**
     * Size the data chunk declares, in bytes; recorders that stream often leave it 0 or
     * 0xFFFFFFFF, so check it against the file's real length.
     */
    public long dataSize() {
        return dataSize;
    }

    @Override
    public String toString() {
        return "WavHeader[tag=" + formatTag + (extensible ? " (extensible)" : "")
                + ", " + channels + " ch, " + sampleRate + " Hz, " + bitsPerSample
                + " bit, data " + dataSize + " bytes at " + dataOffset + "]";
    }

    private static String chunkName(byte[] id) {
        char[] name = new char[4];
        for (int i = 0; i < 4; i++) {
            name[i] = (char) (id[i] & 0xFF);
        }
        return new String(name);
    }

    /** Reading state; the fields become the header once the data chunk is found. */
    private static final class Builder {
        private final InputStream in;
        private final byte[] skipBuffer = new byte[4096];
        private long offset;
        private boolean hasFormat;
        private int formatTag;
        private boolean extensible;
        private int channels;
        private int sampleRate;
        private int bitsPerSample;
        private int blockAlign;
        private long dataSize;

        Builder(InputStream in) {
            this.in = in;
        }

        void readRiffPreamble() throws IOException, MalformedWavException {
            byte[] riff = readBytes(12);
            if (!chunkName(riff).equals("RIFF")
                    || !chunkName(slice(riff, 8, 4)).equals("WAVE")) {
                throw new MalformedWavException(
                        "The file does not start like a WAV file (RIFF....WAVE).");
            }
        }

        void readFormat(long size) throws IOException, MalformedWavException {
            if (hasFormat) {
                throw new MalformedWavException("The WAV file has two format chunks.");
            }
            if (size < MIN_FMT_SIZE) {
                throw new MalformedWavException("The WAV format chunk is too short.");
            }
            int kept = (int) Math.min(size, EXTENSIBLE_FMT_SIZE);
            byte[] fmt = readBytes(kept);
            skip(size - kept + (size & 1));
            formatTag = littleShort(fmt, 0);
            channels = littleShort(fmt, 2);
            sampleRate = (int) Math.min(Integer.MAX_VALUE, littleInt(fmt, 4));
            blockAlign = littleShort(fmt, 12);
            bitsPerSample = littleShort(fmt, 14);
            if (formatTag == EXTENSIBLE) {
                readSubFormat(fmt, kept);
            }
            check();
            hasFormat = true;
        }

        private void readSubFormat(byte[] fmt, int length) throws MalformedWavException {
            if (length < EXTENSIBLE_FMT_SIZE) {
                throw new MalformedWavException(
                        "The WAV extensible format chunk is too short.");
            }
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (fmt[26 + i] != GUID_TAIL[i]) {
                    throw new MalformedWavException(
                            "The WAV file names a sub-format that is not a standard one.");
                }
            }
            extensible = true;
            formatTag = littleShort(fmt, 24);
        }

        private void check() throws MalformedWavException {
            if (channels < 1 || channels > 32) {
                throw new MalformedWavException(
                        "The WAV file declares " + channels + " channels.");
            }
            if (sampleRate < 1 || sampleRate > 1_000_000) {
                throw new MalformedWavException(
                        "The WAV file declares a sample rate of " + sampleRate + " Hz.");
            }
            if (bitsPerSample < 1 || bitsPerSample > 64) {
                throw new MalformedWavException(
                        "The WAV file declares " + bitsPerSample + " bits a sample.");
            }
            if (blockAlign < 1) {
                throw new MalformedWavException("The WAV file declares empty frames.");
            }
        }

        byte[] readBytes(int count) throws IOException, MalformedWavException {
            ensureWithinLimit(count);
            byte[] bytes = in.readNBytes(count);
            offset += bytes.length;
            if (bytes.length < count) {
                throw new MalformedWavException(
                        "The WAV file ends before its audio data begins.");
            }
            return bytes;
        }

        long readUnsignedInt() throws IOException, MalformedWavException {
            return littleInt(readBytes(4), 0);
        }

        void skip(long count) throws IOException, MalformedWavException {
            ensureWithinLimit(count);
            long left = count;
            while (left > 0) {
                int read = in.read(skipBuffer, 0, (int) Math.min(left, skipBuffer.length));
                if (read <= 0) {
                    throw new MalformedWavException(
                            "The WAV file ends before its audio data begins.");
                }
                left -= read;
                offset += read;
            }
        }

        private void ensureWithinLimit(long count) throws MalformedWavException {
            if (count > MAX_HEADER_BYTES - offset) {
                throw new MalformedWavException("The WAV file has no audio data within its "
                        + "first " + MAX_HEADER_BYTES / 1024 + " KiB.");
            }
        }
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        byte[] part = new byte[length];
        System.arraycopy(bytes, from, part, 0, length);
        return part;
    }

    private static int littleShort(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long littleInt(byte[] b, int at) {
        long value = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8
                | (b[at + 2] & 0xFF) << 16 | (long) (b[at + 3] & 0xFF) << 24;
        return value & UNSIGNED_INT_MASK;
    }
}
