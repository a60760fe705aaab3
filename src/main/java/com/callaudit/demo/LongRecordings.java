package com.callaudit.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Two 60-minute recordings, one mono and one dual, for testing long playback: their
 * WAV is a real recording's voice looped, written out per requested range, and their
 * MP3 is {@code loop.mp3}'s frames repeated.
 */
final class LongRecordings {

    static final int SECONDS = 3600;
    private static final String LOOP_MP3 = "loop.mp3";

    private LongRecordings() {
    }

    /**
     * @param voices real recordings with a stored WAV, as catalog rows
     * @param newest the newest real recording's creation; the long ones come after it
     */
    static List<Recording> create(AudioLibrary audio, List<Catalog.Entry> voices,
            Instant newest) {
        if (voices.isEmpty()) {
            throw new IllegalStateException(
                    "long recordings need a real recording with a WAV file to loop");
        }
        Supplier<MediaBody> mp3 = mp3(audio);
        Instant monoCreated = newest.plus(Duration.ofMinutes(90));
        Instant dualCreated = newest.plus(Duration.ofMinutes(75));
        return List.of(
                recording("long-mono", monoCreated, 1, wav(audio, voices, 1), mp3),
                recording("long-dual", dualCreated, 2, wav(audio, voices, 2), mp3));
    }

    private static Recording recording(String name, Instant created, int channels,
            Supplier<MediaBody> wav, Supplier<MediaBody> mp3) {
        return new Recording(
                SyntheticRecordings.name(name).toString(),
                SyntheticRecordings.name(name + "-call").toString(),
                null,
                created,
                created.minusSeconds(SECONDS),
                created,
                SECONDS,
                channels,
                "completed",
                "DialVerb",
                SyntheticRecordings.price(SECONDS),
                "do-not-trim",
                null,
                new RecordingMedia(wav, mp3));
    }

    private static Supplier<MediaBody> wav(AudioLibrary audio,
            List<Catalog.Entry> voices, int channels) {
        return memoize(() -> {
            byte[] loop = loopWithChannels(audio, voices, channels);
            long dataLength = (long) SECONDS * WavAudio.SAMPLE_RATE
                    * channels * WavAudio.BYTES_PER_SAMPLE;
            byte[] header = WavAudio.header(channels, dataLength);
            return MediaBody.looped(AudioLibrary.WAV_TYPE, header, loop,
                    header.length + dataLength);
        });
    }

    /** A voice with the wanted channel count; a dual one is made from mono if need be. */
    private static byte[] loopWithChannels(AudioLibrary audio,
            List<Catalog.Entry> voices, int channels) {
        for (Catalog.Entry voice : voices) {
            if (voice.channels() == channels) {
                return audio.pcm(voice.wav()).samples();
            }
        }
        WavAudio.Pcm mono = audio.pcm(voices.get(0).wav());
        if (mono.channels() == channels) {
            return mono.samples();
        }
        return mono.channels() == 1 ? spreadToTwoChannels(mono.samples())
                : firstChannelOnly(mono.samples());
    }

    /** Left is the voice; right is the same voice half a loop later, like a reply. */
    private static byte[] spreadToTwoChannels(byte[] mono) {
        int frames = mono.length / 2;
        byte[] dual = new byte[frames * 4];
        for (int frame = 0; frame < frames; frame++) {
            int other = (frame + frames / 2) % frames;
            dual[frame * 4] = mono[frame * 2];
            dual[frame * 4 + 1] = mono[frame * 2 + 1];
            dual[frame * 4 + 2] = mono[other * 2];
            dual[frame * 4 + 3] = mono[other * 2 + 1];
        }
        return dual;
    }

    private static byte[] firstChannelOnly(byte[] dual) {
        int frames = dual.length / 4;
        byte[] mono = new byte[frames * 2];
        for (int frame = 0; frame < frames; frame++) {
            mono[frame * 2] = dual[frame * 4];
            mono[frame * 2 + 1] = dual[frame * 4 + 1];
        }
        return mono;
    }

    private static Supplier<MediaBody> mp3(AudioLibrary audio) {
        if (!Catalog.exists(LOOP_MP3)) {
            return null;
        }
        return memoize(() -> {
            byte[] loop = audio.stored(LOOP_MP3);
            int repeats = (int) Math.ceil(SECONDS / Mp3Frames.seconds(loop));
            return MediaBody.looped(AudioLibrary.MP3_TYPE, new byte[0], loop,
                    (long) repeats * loop.length);
        });
    }

    private static Supplier<MediaBody> memoize(Supplier<MediaBody> build) {
        return new Supplier<>() {
            private volatile MediaBody body;

            @Override
            public MediaBody get() {
                MediaBody result = body;
                if (result == null) {
                    synchronized (this) {
                        result = body;
                        if (result == null) {
                            result = build.get();
                            body = result;
                        }
                    }
                }
                return result;
            }
        };
    }
}
