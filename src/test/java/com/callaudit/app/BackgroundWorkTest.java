package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.media.PlayabilityProbe;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Media players are torn down off the FX thread, which may stay busy meanwhile. */
class BackgroundWorkTest {

    private final BackgroundWork work = new BackgroundWork();

    @BeforeAll
    static void startTheToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopTheWork() {
        work.shutdown();
    }

    @Test
    void aPlayingPlayerIsDisposedOffTheFxThreadWhichMayWaitForItAndIsToldAfterwards(
            @TempDir Path folder) throws Exception {
        Path tone = folder.resolve("tone.wav");
        try (InputStream in = PlayabilityProbe.class.getResourceAsStream("tone-probe.wav")) {
            Files.copy(in, tone, StandardCopyOption.REPLACE_EXISTING);
        }
        CompletableFuture<MediaPlayer> playing = new CompletableFuture<>();
        MediaPlayer player = WaitForAsyncUtils.asyncFx(() ->
                new MediaPlayer(new Media(tone.toUri().toString()))).get(10, TimeUnit.SECONDS);
        Platform.runLater(() -> {
            player.setOnPlaying(() -> playing.complete(player));
            player.setCycleCount(MediaPlayer.INDEFINITE);
            player.play();
        });
        playing.get(10, TimeUnit.SECONDS);
        CompletableFuture<Boolean> reportedOnFx = new CompletableFuture<>();
        CompletableFuture<Boolean> disposedOnFx = new CompletableFuture<>();
        Platform.runLater(() -> player.statusProperty().addListener((obs, was, now) -> {
            if (now == MediaPlayer.Status.DISPOSED) {
                disposedOnFx.complete(Platform.isFxApplicationThread());
            }
        }));

        // The FX thread hands the player over, then waits until the media thread has
        // run a task queued after the whole dispose: were the FX thread needed for the
        // dispose, it would wait out its patience.
        boolean disposedWhileFxWaited = WaitForAsyncUtils.asyncFx(() -> {
            CountDownLatch afterDispose = new CountDownLatch(1);
            work.disposeMedia(player, () -> reportedOnFx.complete(
                    Platform.isFxApplicationThread()));
            work.mediaLane().execute(afterDispose::countDown);
            return afterDispose.await(5, TimeUnit.SECONDS)
                    && player.getStatus() == MediaPlayer.Status.DISPOSED;
        }).get(10, TimeUnit.SECONDS);

        assertThat(disposedWhileFxWaited).isTrue();
        assertThat(disposedOnFx.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(reportedOnFx.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
