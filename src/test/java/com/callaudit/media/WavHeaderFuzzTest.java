package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.callaudit.fuzz.Mutator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

/**
 * The WAV header reader, and the conversion plan the relay builds on it, against random
 * and mutated files in a bounded run: a header or MalformedWavException from the
 * reader, a plan or FetchFailure from the planner, and nothing else.
 */
class WavHeaderFuzzTest {

    private static final int CASES = 20_000;
    private static final Duration BOUND = Duration.ofSeconds(60);
    /** Offsets of the size and format fields of a canonical header. */
    private static final int[] FIELDS = {4, 16, 20, 22, 24, 28, 32, 34, 40};

    private static final List<byte[]> SAMPLES = List.of(
            TestAudio.pcmWav(0.02),
            TestAudio.g711Wav(AudioFormat.Encoding.ULAW, 0.02),
            TestAudio.g711Wav(AudioFormat.Encoding.ALAW, 0.02),
            TestAudio.extensibleWav(TestAudio.toneSamples(0.02)),
            TestAudio.pcmWavWithListChunk(TestAudio.toneSamples(0.02)));

    @Test
    void randomAndMutatedFilesYieldAHeaderOrTheExpectedError() {
        long seed = Mutator.seed("WAV header", 0xA11CEL);
        Random random = new Random(seed);
        Mutator mutator = new Mutator(random);
        int[] outcomes = new int[3];

        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
                byte[] input = switch (i % 4) {
                    case 0 -> mutator.randomBytes(128);
                    case 1 -> overwriteAField(sample, random);
                    default -> mutator.mutate(sample);
                };
                outcomes[readLikeTheRelay(input, random.nextBoolean(), seed, i)]++;
            }
        });

        assertThat(outcomes[0]).as("files planned for playing").isGreaterThan(CASES / 10);
        assertThat(outcomes[1]).as("files refused by the planner").isPositive();
        assertThat(outcomes[2]).as("headers refused").isGreaterThan(CASES / 10);
    }

    /** 0 planned, 1 refused by the plan, 2 refused by the reader; else the test fails. */
    private static int readLikeTheRelay(byte[] input, boolean trickle, long seed,
            int index) throws IOException {
        try {
            WavHeader header = trickle ? WavHeader.read(new Trickle(input))
                    : WavHeader.parse(input);
            assertThat(header.dataOffset()).isBetween(12L, (long) input.length);
            WavTranscoder plan = WavTranscoder.plan(header, input.length);
            assertThat(plan.outputHeader()).hasSize(WavTranscoder.OUTPUT_HEADER_BYTES);
            byte[] data = Arrays.copyOfRange(input, (int) header.dataOffset(),
                    input.length);
            plan.convert(data, data.length, new byte[2 * data.length]);
            return 0;
        } catch (FetchFailure refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return 1;
        } catch (MalformedWavException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return 2;
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("case " + index + " of seed " + seed + " escaped with "
                    + e + "; input: " + HexFormat.of().formatHex(input), e);
        }
    }

    /** A size or format field set to a value chosen to hurt. */
    private static byte[] overwriteAField(byte[] sample, Random random) {
        byte[] out = sample.clone();
        int at = FIELDS[random.nextInt(FIELDS.length)];
        int[] values = {0, 1, -1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFE, 7, 6, 3, 65535,
            random.nextInt()};
        int value = values[random.nextInt(values.length)];
        if (at + 4 <= out.length) {
            ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        }
        return out;
    }

    /** A stream that hands out one to three bytes a read, as a slow network does. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private int turn;

        Trickle(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1 + turn++ % 3));
        }
    }
}
