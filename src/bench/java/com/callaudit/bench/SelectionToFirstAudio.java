package com.callaudit.bench;

import com.callaudit.api.MediaFormat;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 5: from asking for a recording to the first audio (PLAYING with the time past
 * zero; the null audio device is not paced, so that is as close to "heard" as it gets),
 * for a 1-minute and a 60-minute recording, WAV and MP3. The floor is the demo space's
 * time to first byte for the same URL with a plain client. The space waits
 * {@value #DELAY_MS} ms before every response and sends audio at 100 Mbit/s, as a remote
 * space would; at loopback's speed the relay takes in a 60-minute WAV (115 MB) in a
 * third of a second, on the same two cores the player starts on.
 */
final class SelectionToFirstAudio {

    static final int DELAY_MS = 100;
    // 100 Mbit/s: an office's share of the internet, far below loopback's speed.
    static final long MEDIA_BYTES_PER_SECOND = 12_500_000;
    private static final int RUNS = 9;

    private final Playback playback;

    SelectionToFirstAudio(Playback playback) {
        this.playback = playback;
    }

    List<ResultRow> measure() throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        try (BenchSpace space = new BenchSpace(Duration.ofMillis(DELAY_MS),
                MEDIA_BYTES_PER_SECOND)) {
            for (MediaFormat format : List.of(MediaFormat.WAV, MediaFormat.MP3)) {
                Samples shortOne = new Samples("ms");
                Samples longOne = new Samples("ms");
                Samples shortLoaded = new Samples("ms");
                Samples longLoaded = new Samples("ms");
                Samples ttfbShort = new Samples("ms");
                Samples ttfbLong = new Samples("ms");
                URI shortUrl = space.media(BenchSpace.ONE_MINUTE, format);
                URI longUrl = space.media(space.sixtyMinutes, format);
                firstAudio(space, shortUrl, format, new Samples("ms"));
                for (int run = 0; run < RUNS; run++) {
                    shortOne.add(firstAudio(space, shortUrl, format, shortLoaded));
                    longOne.add(firstAudio(space, longUrl, format, longLoaded));
                    ttfbShort.add(space.timeToFirstByte(shortUrl));
                    ttfbLong.add(space.timeToFirstByte(longUrl));
                }
                String name = format.extension().substring(1).toUpperCase();
                rows.add(row("5 selection → audio, 1 min " + name, shortOne, ttfbShort));
                rows.add(row("5 selection → audio, 60 min " + name, longOne, ttfbLong));
                if (!shortLoaded.values().isEmpty()) {
                    rows.add(loadRow("5 load start → audio, 1 min " + name, shortLoaded,
                            ttfbShort));
                    rows.add(loadRow("5 load start → audio, 60 min " + name, longLoaded,
                            ttfbLong));
                }
                rows.add(ResultRow.median("5 length effect " + name + " (60 min ÷ 1 min)",
                        Samples.of("×", longOne.median() / shortOne.median()),
                        Samples.of("×", 1.0), Target.timesFloor(1.2),
                        "ratio of the two medians above; 1.0 means the start does not "
                                + "depend on length (the 1.2 bound is ours)"));
            }
        }
        return rows;
    }

    private ResultRow row(String figure, Samples callAudit, Samples floor) {
        return ResultRow.median(figure, callAudit, floor, Target.atMost(300, "ms"),
                playback.describe() + ", " + playback.clockStart() + " → PLAYING and "
                        + "currentTime > 0; floor: time to response headers of a plain "
                        + "GET of the same URL; the space adds " + DELAY_MS
                        + " ms before each response and sends audio at "
                        + MEDIA_BYTES_PER_SECOND * 8 / 1_000_000 + " Mbit/s");
    }

    // The same runs, with the clock started when the player begins loading.
    private ResultRow loadRow(String figure, Samples callAudit, Samples floor) {
        return ResultRow.median(figure, callAudit, floor, Target.atMost(300, "ms"),
                "the runs above, clock started when the player began loading → "
                        + "PLAYING and currentTime > 0; floor as above");
    }

    private double firstAudio(BenchSpace space, URI url, MediaFormat format,
            Samples fromLoadStart) throws Exception {
        try (Playback.PlayingRecording playing = playback.play(url, format, space.space(),
                space.credentials())) {
            if (!Double.isNaN(playing.millisFromLoadStart())) {
                fromLoadStart.add(playing.millisFromLoadStart());
            }
            return playing.millisToFirstAudio();
        }
    }
}
