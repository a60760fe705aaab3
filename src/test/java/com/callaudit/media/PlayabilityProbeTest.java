package com.callaudit.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.MediaFormat;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlayabilityProbeTest {

    @BeforeAll
    static void startJavaFx() throws InterruptedException {
        FxRuntime.start();
    }

    @Test
    void reportsWavAndMp3PlayableWhereLibavformatIsInstalled() throws Exception {
        try (MediaRelay relay = MediaRelay.start()) {

            PlayabilityProbe.Report report =
                    new PlayabilityProbe(relay).run(Duration.ofSeconds(20));

            assertThat(report.results()).extracting(PlayabilityProbe.Result::format)
                    .containsExactly(MediaFormat.WAV, MediaFormat.MP3);
            assertThat(report.isPlayable(MediaFormat.WAV)).isTrue();
            assertThat(report.isPlayable(MediaFormat.MP3)).isTrue();
            assertThat(report.describe())
                    .contains("WAV: playable").contains("MP3: playable");
        }
    }

    @Test
    void refusesToBlockTheFxThread() throws Exception {
        try (MediaRelay relay = MediaRelay.start()) {
            PlayabilityProbe probe = new PlayabilityProbe(relay);
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();

            Platform.runLater(() -> {
                try {
                    probe.run(Duration.ofSeconds(1));
                    thrown.complete(null);
                } catch (Exception | Error e) {
                    thrown.complete(e);
                }
            });

            assertThat(thrown.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void describesAFormatThatFailedWithItsReason() {
        PlayabilityProbe.Result failed = new PlayabilityProbe.Result(MediaFormat.MP3,
                false, "MEDIA_UNSUPPORTED");

        assertThat(failed.describe()).isEqualTo("MP3: not playable - MEDIA_UNSUPPORTED");
        assertThat(new PlayabilityProbe.Report(java.util.List.of(failed))
                .isPlayable(MediaFormat.MP3)).isFalse();
    }
}
