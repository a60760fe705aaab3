package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

class WavHeaderTest {

    @Test
    void readsTheFormatAndDataOfAPlainPcmFile() throws Exception {
        byte[] wav = TestAudio.pcmWav(0.5);

        WavHeader header = WavHeader.parse(wav);

        assertThat(header.formatTag()).isEqualTo(WavHeader.PCM);
        assertThat(header.channels()).isEqualTo(1);
        assertThat(header.sampleRate()).isEqualTo(8000);
        assertThat(header.bitsPerSample()).isEqualTo(16);
        assertThat(header.blockAlign()).isEqualTo(2);
        assertThat(header.dataOffset()).isEqualTo(44);
        assertThat(header.dataSize()).isEqualTo(8000);
    }

    @Test
    void readsTheSubFormatOfAnExtensibleHeader() throws Exception {
        WavHeader header = WavHeader.parse(TestAudio.extensibleWav(new byte[100]));

        assertThat(header.isExtensible()).isTrue();
        assertThat(header.formatTag()).isEqualTo(WavHeader.PCM);
        assertThat(header.dataOffset()).isEqualTo(68);
    }

    @Test
    void readsMuLawFromJavaSound() throws Exception {
        WavHeader header = WavHeader.parse(
                TestAudio.g711Wav(AudioFormat.Encoding.ULAW, 0.1));

        assertThat(header.formatTag()).isEqualTo(WavHeader.MU_LAW);
        assertThat(header.bitsPerSample()).isEqualTo(8);
    }

    @Test
    void skipsUnknownChunksBeforeTheData() throws Exception {
        WavHeader header = WavHeader.parse(TestAudio.pcmWavWithListChunk(new byte[10]));

        assertThat(header.dataOffset()).isEqualTo(36 + 16 + 8);
        assertThat(header.dataSize()).isEqualTo(10);
    }

    @Test
    void rejectsBytesThatAreNotRiffWave() {
        assertMalformed("<html>not a wav</html>".getBytes(), "does not start like");
    }

    @Test
    void rejectsAHeaderThatEndsEarly() {
        assertMalformed(Arrays.copyOf(TestAudio.pcmWav(0.1), 30), "ends before");
    }

    @Test
    void rejectsAChunkSizeLargerThanTheHeaderLimitWithoutReadingIt() {
        byte[] wav = TestAudio.pcmWavWithListChunk(new byte[10]);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFF_FFF0);

        assertMalformed(wav, "no audio data within");
    }

    @Test
    void rejectsZeroChannels() {
        byte[] wav = TestAudio.pcmWav(0.1);
        wav[22] = 0;

        assertMalformed(wav, "0 channels");
    }

    @Test
    void rejectsDataBeforeFormat() {
        byte[] wav = TestAudio.pcmWav(0.1);
        System.arraycopy(TestAudio.ascii("data"), 0, wav, 12, 4);

        assertMalformed(wav, "before its format");
    }

    @Test
    void throwsOnlyMalformedWavExceptionForDamagedHeaders() {
        Random random = new Random(20240501);
        byte[] valid = TestAudio.extensibleWav(new byte[64]);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> {
                    for (int round = 0; round < 50_000; round++) {
                        parseQuietly(damaged(valid, random));
                    }
                });
    }

    private static byte[] damaged(byte[] valid, Random random) {
        byte[] bytes = Arrays.copyOf(valid, random.nextInt(valid.length + 1));
        int flips = 1 + random.nextInt(6);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static void parseQuietly(byte[] bytes) {
        try {
            WavHeader.parse(bytes);
        } catch (MalformedWavException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static void assertMalformed(byte[] bytes, String reason) {
        assertThatThrownBy(() -> WavHeader.parse(bytes))
                .isInstanceOf(MalformedWavException.class)
                .hasMessageContaining(reason);
    }
}
