package com.callaudit.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns the WAV encodings JavaFX refuses into ones it plays, a block at a time.
 *
 * <p>Every output gets a plain 44-byte header: extensible headers lose their sub-format
 * wrapper, μ-law and A-law become 16-bit PCM, PCM and float pass unchanged. Chunks other
 * than {@code fmt } and {@code data} are dropped, so the output length is known as soon
 * as the header is read. Not thread-safe; one per download.
 */
final class WavTranscoder {

    static final int OUTPUT_HEADER_BYTES = 44;

    private static final long MAX_RIFF_SIZE = 0xFFFF_FFFFL;
    private static final int BLOCK_BYTES = 16 * 1024;

    private final WavHeader source;
    private final long inputDataLength;
    private final int expansion;

    private WavTranscoder(WavHeader source, long inputDataLength, int expansion) {
        this.source = source;
        this.inputDataLength = inputDataLength;
        this.expansion = expansion;
    }

    /**
     * Plans the conversion of a file with this header.
     *
     * @param remoteLength the file's length as the space announced it, or -1
     */
    static WavTranscoder plan(WavHeader header, long remoteLength) throws FetchFailure {
        int expansion = expansionFor(header);
        long dataLength = usableDataLength(header, remoteLength);
        if (OUTPUT_HEADER_BYTES - 8 + dataLength * expansion > MAX_RIFF_SIZE) {
            throw new FetchFailure("The WAV recording is too long to convert (over 4 GB).");
        }
        return new WavTranscoder(header, dataLength, expansion);
    }

    /** Bytes of audio data to read from the source, whole frames only. */
    long inputDataLength() {
        return inputDataLength;
    }

    /** Length of the whole converted file, header included. */
    long outputLength() {
        return OUTPUT_HEADER_BYTES + inputDataLength * expansion;
    }

    /** Whether the samples change, not just the header. */
    boolean decodesSamples() {
        return expansion != 1;
    }

    /** Source bytes to hand to {@link #convert} at once. */
    int blockBytes() {
        return BLOCK_BYTES;
    }

    /** The plain header of the converted file. */
    byte[] outputHeader() {
        int tag = source.formatTag() == WavHeader.IEEE_FLOAT
                ? WavHeader.IEEE_FLOAT : WavHeader.PCM;
        int bits = decodesSamples() ? 16 : source.bitsPerSample();
        int blockAlign = decodesSamples()
                ? source.channels() * 2 : source.blockAlign();
        long dataBytes = inputDataLength * expansion;
        return ByteBuffer.allocate(OUTPUT_HEADER_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF")).putInt((int) (OUTPUT_HEADER_BYTES - 8 + dataBytes))
                .put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16)
                .putShort((short) tag)
                .putShort((short) source.channels())
                .putInt(source.sampleRate())
                .putInt(source.sampleRate() * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) bits)
                .put(ascii("data")).putInt((int) dataBytes)
                .array();
    }

    /**
     * Converts {@code length} source bytes into {@code out}, which must hold
     * {@code length * 2}; returns the number of output bytes.
     */
    int convert(byte[] in, int length, byte[] out) {
        if (!decodesSamples()) {
            System.arraycopy(in, 0, out, 0, length);
            return length;
        }
        boolean muLaw = source.formatTag() == WavHeader.MU_LAW;
        for (int i = 0; i < length; i++) {
            short linear = muLaw ? G711.muLaw(in[i]) : G711.aLaw(in[i]);
            out[2 * i] = (byte) linear;
            out[2 * i + 1] = (byte) (linear >> 8);
        }
        return 2 * length;
    }

    private static int expansionFor(WavHeader header) throws FetchFailure {
        int tag = header.formatTag();
        if (tag == WavHeader.PCM || tag == WavHeader.IEEE_FLOAT) {
            checkFrame(header, header.bitsPerSample());
            return 1;
        }
        if (tag == WavHeader.MU_LAW || tag == WavHeader.A_LAW) {
            if (header.bitsPerSample() != 8) {
                throw new FetchFailure("The WAV file claims G.711 audio with "
                        + header.bitsPerSample() + " bits a sample; G.711 has 8.");
            }
            checkFrame(header, 8);
            return 2;
        }
        throw new FetchFailure("The WAV recording uses an encoding CallAudit cannot "
                + "play (format tag " + tag + "). Try the MP3 version.");
    }

    private static void checkFrame(WavHeader header, int bits) throws FetchFailure {
        if (bits % 8 != 0 || header.blockAlign() != header.channels() * bits / 8) {
            throw new FetchFailure("The WAV header's frame size does not match its "
                    + "channels and sample size.");
        }
    }

    private static long usableDataLength(WavHeader header, long remoteLength)
            throws FetchFailure {
        long declared = header.dataSize();
        boolean declaredUnknown = declared == 0 || declared == MAX_RIFF_SIZE;
        long remoteData = remoteLength < 0 ? -1 : remoteLength - header.dataOffset();
        long length;
        if (declaredUnknown && remoteData < 0) {
            throw new FetchFailure("The WAV recording does not say how long it is.");
        } else if (declaredUnknown) {
            length = remoteData;
        } else if (remoteData >= 0) {
            // A file cut short by the recorder declares more than it carries.
            length = Math.min(declared, remoteData);
        } else {
            length = declared;
        }
        length -= length % header.blockAlign();
        if (length <= 0) {
            throw new FetchFailure("The WAV recording holds no audio.");
        }
        return length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
