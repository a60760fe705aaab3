package com.callaudit.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Decodes stored WAV files to 16-bit PCM and writes canonical 44-byte RIFF headers, or,
 * for the fault mode, the telephony encodings JavaFX refuses.
 */
final class WavAudio {

    static final int HEADER_LENGTH = 44;
    static final int SAMPLE_RATE = 8000;
    static final int BYTES_PER_SAMPLE = 2;

    /** KSDATAFORMAT_SUBTYPE_PCM, the GUID an extensible header names PCM by. */
    private static final byte[] PCM_SUBFORMAT = {
        0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00,
        (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };

    private WavAudio() {
    }

    /** Little-endian 16-bit PCM samples, interleaved, and their channel count. */
    record Pcm(byte[] samples, int channels) {

        long frames() {
            return samples.length / ((long) channels * BYTES_PER_SAMPLE);
        }
    }

    /** Decodes a WAV file of any encoding Java Sound reads (μ-law included) to PCM. */
    static Pcm decode(byte[] wavFile) throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(wavFile));
        try (AudioInputStream stored = AudioSystem.getAudioInputStream(in)) {
            AudioFormat source = stored.getFormat();
            int channels = source.getChannels();
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED,
                    source.getSampleRate(), 16, channels,
                    channels * BYTES_PER_SAMPLE, source.getSampleRate(), false);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(target, stored)) {
                return new Pcm(pcm.readAllBytes(), channels);
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException("stored WAV cannot be decoded to PCM: " + e.getMessage(), e);
        }
    }

    /** A complete 8 kHz 16-bit PCM WAV file holding {@code pcm}. */
    static byte[] file(Pcm pcm) {
        byte[] header = header(pcm.channels(), pcm.samples().length);
        byte[] file = new byte[header.length + pcm.samples().length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(pcm.samples(), 0, file, header.length, pcm.samples().length);
        return file;
    }

    /**
     * The RIFF header of an 8 kHz 16-bit PCM file whose data chunk is {@code dataLength}
     * bytes. Sizes over 4 GiB do not fit RIFF; the demo's longest file is about 115 MB.
     */
    static byte[] header(int channels, long dataLength) {
        int blockAlign = channels * BYTES_PER_SAMPLE;
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH)
                .order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        header.putInt((int) (36 + dataLength));
        header.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        header.putInt(16);
        header.putShort((short) 1);
        header.putShort((short) channels);
        header.putInt(SAMPLE_RATE);
        header.putInt(SAMPLE_RATE * blockAlign);
        header.putShort((short) blockAlign);
        header.putShort((short) (BYTES_PER_SAMPLE * 8));
        header.put("data".getBytes(StandardCharsets.US_ASCII));
        header.putInt((int) dataLength);
        return header.array();
    }

    /** The same audio as 8-bit G.711 μ-law (format tag 7) with a {@code fact} chunk. */
    static byte[] mulawFile(Pcm pcm) {
        byte[] samples = pcm.samples();
        int count = samples.length / BYTES_PER_SAMPLE;
        byte[] encoded = new byte[count];
        ByteBuffer in = ByteBuffer.wrap(samples).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            encoded[i] = MuLaw.encode(in.getShort());
        }
        int channels = pcm.channels();
        ByteBuffer file = ByteBuffer.allocate(58 + count).order(ByteOrder.LITTLE_ENDIAN);
        file.put(ascii("RIFF")).putInt(50 + count).put(ascii("WAVE"));
        file.put(ascii("fmt ")).putInt(18)
                .putShort((short) 7).putShort((short) channels)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * channels)
                .putShort((short) channels).putShort((short) 8).putShort((short) 0);
        file.put(ascii("fact")).putInt(4).putInt(count / channels);
        file.put(ascii("data")).putInt(count).put(encoded);
        return file.array();
    }

    /** The same 16-bit PCM inside a WAVE_FORMAT_EXTENSIBLE header (tag 0xFFFE). */
    static byte[] extensibleFile(Pcm pcm) {
        byte[] samples = pcm.samples();
        int channels = pcm.channels();
        int blockAlign = channels * BYTES_PER_SAMPLE;
        ByteBuffer file = ByteBuffer.allocate(68 + samples.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        file.put(ascii("RIFF")).putInt(60 + samples.length).put(ascii("WAVE"));
        file.put(ascii("fmt ")).putInt(40)
                .putShort((short) 0xFFFE).putShort((short) channels)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * blockAlign)
                .putShort((short) blockAlign).putShort((short) 16)
                .putShort((short) 22).putShort((short) 16)
                .putInt(channels == 1 ? 0x4 : 0x3)
                .put(PCM_SUBFORMAT);
        file.put(ascii("data")).putInt(samples.length).put(samples);
        return file.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
