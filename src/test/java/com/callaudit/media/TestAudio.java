package com.callaudit.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Small WAV files made in code, named for what they show. */
final class TestAudio {

    static final int RATE = 8000;

    private TestAudio() {
    }

    /** 16-bit mono samples of a 440 Hz tone. */
    static byte[] toneSamples(double seconds) {
        int frames = (int) (seconds * RATE);
        ByteBuffer samples = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double value = 0.4 * Math.sin(2 * Math.PI * 440 * i / RATE);
            samples.putShort((short) (value * Short.MAX_VALUE));
        }
        return samples.array();
    }

    static AudioFormat pcmFormat() {
        return new AudioFormat(RATE, 16, 1, true, false);
    }

    /** A plain 16-bit PCM WAV of a tone, as JavaFX plays it. */
    static byte[] pcmWav(double seconds) {
        return write(new AudioInputStream(new ByteArrayInputStream(toneSamples(seconds)),
                pcmFormat(), (long) (seconds * RATE)));
    }

    /** The tone encoded by Java Sound as μ-law or A-law, as telephony systems store it. */
    static byte[] g711Wav(AudioFormat.Encoding encoding, double seconds) {
        AudioInputStream pcm = new AudioInputStream(
                new ByteArrayInputStream(toneSamples(seconds)), pcmFormat(),
                (long) (seconds * RATE));
        AudioFormat companded = new AudioFormat(encoding, RATE, 8, 1, 1, RATE, false);
        return write(AudioSystem.getAudioInputStream(companded, pcm));
    }

    /** What Java Sound decodes a G.711 WAV to: 16-bit little-endian samples. */
    static byte[] decodedByJavaSound(byte[] wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(wav))) {
            return AudioSystem.getAudioInputStream(pcmFormat(), in).readAllBytes();
        } catch (IOException | javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A WAVE_FORMAT_EXTENSIBLE header with a PCM sub-format, then {@code samples}. */
    static byte[] extensibleWav(byte[] samples) {
        ByteBuffer wav = ByteBuffer.allocate(68 + samples.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(60 + samples.length).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(40)
                .putShort((short) 0xFFFE).putShort((short) 1)
                .putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .putShort((short) 22).putShort((short) 16).putInt(0x4) // cbSize, valid bits, mask
                .putShort((short) 1) // the PCM sub-format GUID follows
                .put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
                    0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        wav.put(ascii("data")).putInt(samples.length).put(samples);
        return wav.array();
    }

    /** A plain PCM WAV with a LIST chunk between its format and its data. */
    static byte[] pcmWavWithListChunk(byte[] samples) {
        byte[] plain = pcmWav(0);
        byte[] list = ByteBuffer.allocate(8 + 7 + 1).order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("LIST")).putInt(7).put(ascii("INFOabc")).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Arrays.copyOf(plain, 36));
        out.writeBytes(list);
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("data")).putInt(samples.length);
        out.writeBytes(data.array());
        out.writeBytes(samples);
        byte[] wav = out.toByteArray();
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(4, wav.length - 8);
        return wav;
    }

    /** The audio data of a plain 44-byte-header WAV. */
    static byte[] dataOf(byte[] wav) {
        return Arrays.copyOfRange(wav, 44, wav.length);
    }

    static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] write(AudioInputStream audio) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
