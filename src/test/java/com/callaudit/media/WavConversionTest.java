package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.MediaFormat;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WavConversionTest {

    private FakeSpace space;
    private MediaRelay relay;

    @BeforeEach
    void start() throws IOException {
        space = FakeSpace.start();
        relay = MediaRelay.start();
    }

    @AfterEach
    void stop() {
        relay.close();
        space.close();
    }

    @Test
    void convertsMuLawToPcmExactlyAsJavaSoundDecodesIt() throws Exception {
        byte[] muLaw = TestAudio.g711Wav(AudioFormat.Encoding.ULAW, 1);

        byte[] served = relayed(muLaw);

        assertPlainPcmHeader(served, 16);
        assertThat(TestAudio.dataOf(served)).isEqualTo(TestAudio.decodedByJavaSound(muLaw));
    }

    @Test
    void convertsALawToPcmExactlyAsJavaSoundDecodesIt() throws Exception {
        byte[] aLaw = TestAudio.g711Wav(AudioFormat.Encoding.ALAW, 1);

        byte[] served = relayed(aLaw);

        assertPlainPcmHeader(served, 16);
        assertThat(TestAudio.dataOf(served)).isEqualTo(TestAudio.decodedByJavaSound(aLaw));
    }

    @Test
    void decodesEveryMuLawCodeLikeJavaSound() throws Exception {
        byte[] everyCode = new byte[256];
        for (int code = 0; code < 256; code++) {
            everyCode[code] = (byte) code;
        }
        byte[] muLaw = withData(TestAudio.g711Wav(AudioFormat.Encoding.ULAW, 0.1), everyCode);
        byte[] aLaw = withData(TestAudio.g711Wav(AudioFormat.Encoding.ALAW, 0.1), everyCode);

        assertThat(TestAudio.dataOf(relayed(muLaw)))
                .isEqualTo(TestAudio.decodedByJavaSound(muLaw));
        assertThat(TestAudio.dataOf(relayed(aLaw)))
                .isEqualTo(TestAudio.decodedByJavaSound(aLaw));
    }

    @Test
    void announcesTheConvertedLengthAsContentLength() throws Exception {
        byte[] muLaw = TestAudio.g711Wav(AudioFormat.Encoding.ULAW, 1);
        space.serve("RE1.wav", muLaw);
        RelayedMedia media = relay.register(space.recording("RE1.wav"), MediaFormat.WAV,
                space.address(), null);

        HttpResponse<byte[]> head = RelayClient.head(media.localUri());

        assertThat(head.headers().firstValueAsLong("Content-Length"))
                .hasValue(44 + 2L * TestAudio.RATE);
    }

    @Test
    void rewritesExtensibleHeaderToPlainPcmWithSamplesUnchanged() throws Exception {
        byte[] samples = TestAudio.toneSamples(0.5);

        byte[] served = relayed(TestAudio.extensibleWav(samples));

        assertPlainPcmHeader(served, 16);
        assertThat(served).hasSize(44 + samples.length);
        assertThat(TestAudio.dataOf(served)).isEqualTo(samples);
    }

    @Test
    void dropsChunksBetweenFormatAndData() throws Exception {
        byte[] samples = TestAudio.toneSamples(0.5);

        byte[] served = relayed(TestAudio.pcmWavWithListChunk(samples));

        assertThat(served).isEqualTo(TestAudio.pcmWav(0.5));
    }

    @Test
    void failsWithAReasonForWavEncodingsItCannotDecode() throws Exception {
        byte[] adpcm = TestAudio.pcmWav(0.2);
        adpcm[20] = 0x11;
        space.serve("RE1.wav", adpcm);

        FetchProgress outcome = MediaRelayTest.finalProgress(relay.register(
                space.recording("RE1.wav"), MediaFormat.WAV, space.address(), null));

        assertThat(outcome.failureReason()).contains("format tag 17");
    }

    private byte[] relayed(byte[] wav) throws Exception {
        String name = "RE" + System.nanoTime() + ".wav";
        space.serve(name, wav);
        RelayedMedia media = relay.register(space.recording(name), MediaFormat.WAV,
                space.address(), null);
        HttpResponse<byte[]> response = RelayClient.get(media.localUri());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void assertPlainPcmHeader(byte[] wav, int bits) throws Exception {
        WavHeader header = WavHeader.parse(wav);
        assertThat(header.formatTag()).isEqualTo(WavHeader.PCM);
        assertThat(header.isExtensible()).isFalse();
        assertThat(header.bitsPerSample()).isEqualTo(bits);
        assertThat(header.dataOffset()).isEqualTo(44);
        assertThat(header.dataSize()).isEqualTo(wav.length - 44);
    }

    /** The same G.711 file with other data bytes. */
    private static byte[] withData(byte[] wav, byte[] data) throws Exception {
        WavHeader header = WavHeader.parse(wav);
        int offset = (int) header.dataOffset();
        byte[] changed = Arrays.copyOf(wav, offset + data.length);
        System.arraycopy(data, 0, changed, offset, data.length);
        java.nio.ByteBuffer.wrap(changed).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(offset - 4, data.length)
                .putInt(4, changed.length - 8);
        return changed;
    }
}
