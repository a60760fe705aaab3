package com.callaudit.bench;

import com.callaudit.api.MediaFormat;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 6: seek latency inside a fetched 60-minute recording, WAV and MP3: from
 * {@code seek()} to the player's time at the target. The floor is the same seeks with
 * MediaPlayer opening the same bytes from a local file, without the relay.
 */
final class SeekLatency {

    // Backwards from the end, each far from the last, so arrival cannot be confused
    // with the unpaced play head running on.
    private static final double[] TARGETS = {3300, 3000, 2700, 2400, 2100, 1800, 1500,
            1200, 900, 600, 300, 60};

    private final Playback playback;

    SeekLatency(Playback playback) {
        this.playback = playback;
    }

    List<ResultRow> measure() throws Exception {
        List<ResultRow> rows = new ArrayList<>();
        try (BenchSpace space = new BenchSpace(Duration.ZERO)) {
            for (MediaFormat format : List.of(MediaFormat.WAV, MediaFormat.MP3)) {
                URI url = space.media(space.sixtyMinutes, format);
                Samples relayed = new Samples("ms");
                try (Playback.PlayingRecording playing = playback.play(url, format,
                        space.space(), space.credentials())) {
                    playing.awaitFetched();
                    seekSeries(playing, relayed);
                }
                Samples local = new Samples("ms");
                Path file = space.download(url, format.extension());
                try (Playback.PlayingRecording playing =
                        PlainPlayback.playFile(file.toUri())) {
                    seekSeries(playing, local);
                } finally {
                    Files.deleteIfExists(file);
                }
                String name = format.extension().substring(1).toUpperCase();
                String lost = missed == 0 ? "" : "; " + missed + " of " + (2 * TARGETS.length)
                        + " seeks (relayed and local together) never reported the target";
                missed = 0;
                rows.add(ResultRow.median("6 seek, 60 min " + name, relayed, local,
                        Target.atMost(50, "ms"),
                        playback.describe() + " after the fetch completed; "
                                + TARGETS.length + " seeks, each from a paused player "
                                + "(the null device is unpaced), seek() → first pulse "
                                + "reading the time within 0.5 s of the target; floor: "
                                + "MediaPlayer on the same bytes "
                                + "as a local file" + lost));
            }
        }
        return rows;
    }

    private int missed;

    private void seekSeries(Playback.PlayingRecording playing, Samples into)
            throws Exception {
        playing.seek(3500);
        for (double target : TARGETS) {
            double millis = playing.seek(target);
            if (Double.isNaN(millis)) {
                missed++;
            } else {
                into.add(millis);
            }
        }
    }
}
