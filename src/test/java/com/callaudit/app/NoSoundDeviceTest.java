package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.MediaFormat;
import com.callaudit.api.Recording;
import com.callaudit.demo.DemoSpace;
import com.callaudit.media.HaltedPlayers;
import com.callaudit.media.MediaRelay;
import com.callaudit.media.PlayabilityProbe;
import com.callaudit.ui.player.PlaybackStatus;
import com.callaudit.ui.player.PlayerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app on a computer whose sound device cannot be opened (ALSA's default output is a
 * card that does not exist; see the pom). JavaFX's native media code used to crash the
 * JVM a few seconds after such a failure, which ends this test run with an error.
 */
@Tag("no-sound-device")
class NoSoundDeviceTest {

    private final AppDriver driver = new AppDriver();
    private DemoSpace demo;

    @AfterEach
    void stopEverything() throws Exception {
        driver.stop();
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theProbeFindsNoSoundDeviceAndLeavesMp3Untried() throws Exception {
        int keptBefore = HaltedPlayers.count();
        driver.start(new LaunchOptions(false, 0, false));
        PlayabilityProbe.Report report;
        try (MediaRelay relay = MediaRelay.start()) {
            report = new PlayabilityProbe(relay).run(Duration.ofSeconds(10));
        }

        assertThat(report.soundDeviceMissing()).isTrue();
        assertThat(report.isPlayable(MediaFormat.WAV)).isFalse();
        assertThat(report.results()).extracting(PlayabilityProbe.Result::detail)
                .last().isEqualTo("not tried: no sound device could be opened");
        assertThat(HaltedPlayers.count()).isEqualTo(keptBefore + 1);
    }

    @Test
    void theWindowSaysSoLetsTheUserTryAgainAndStaysUp(@TempDir Path folder)
            throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config());
        driver.start(new LaunchOptions(false, 0, false));
        driver.signIn(demo.origin().toString(), demo.projectId(), demo.token());
        driver.awaitRows(14);
        driver.await(() -> player().soundDeviceMissingProperty().get());
        Recording first = completed(0);

        select(first);

        // Known before the user asks: no player, no download, a plain reason.
        assertThat(player().statusProperty().get()).isEqualTo(PlaybackStatus.NO_SOUND_DEVICE);
        assertThat(driver.text("#playerMessage")).startsWith("No sound device could be opened");
        assertThat(mediaRequestsFor(first)).isZero();
        assertThat(enabled("#playPause")).isTrue();
        assertThat(enabled("#saveAudio")).isTrue();
        assertThat(enabled("#stop")).isFalse();
        assertThat(enabled("#seekBar")).isFalse();
        driver.type(KeyCode.RIGHT);
        assertThat(driver.text("#elapsed")).isEqualTo("0:00");

        int keptBefore = HaltedPlayers.count();
        driver.clickOn("#playPause");

        // Play tries the device once, with one format only, and keeps the halted player.
        driver.await(() -> HaltedPlayers.count() == keptBefore + 1
                && player().statusProperty().get() == PlaybackStatus.NO_SOUND_DEVICE);
        assertThat(mediaRequestsFor(first)).isPositive();
        assertThat(demo.requests().entries()).noneMatch(e ->
                e.path().endsWith(first.sid() + ".mp3"));

        Recording second = completed(1);
        select(second);
        driver.type(KeyCode.SPACE);
        driver.await(() -> HaltedPlayers.count() == keptBefore + 2
                && player().statusProperty().get() == PlaybackStatus.NO_SOUND_DEVICE);
        select(completed(2));
        assertThat(player().livePlayers()).isZero();

        // The audio can still be saved, which also gives the crash time to show.
        Path target = folder.resolve("call.wav");
        driver.interact(() -> player().saveAs(target));
        driver.await(() -> !player().savingProperty().get()
                && !player().saveMessageProperty().get().isEmpty());
        assertThat(player().saveMessageProperty().get()).startsWith("Saved to");
        assertThat(Files.size(target)).isGreaterThan(completed(2).durationSeconds() * 8000L);
        select(first);
        assertThat(player().statusProperty().get()).isEqualTo(PlaybackStatus.NO_SOUND_DEVICE);
        assertThat(HaltedPlayers.count()).isEqualTo(keptBefore + 2);
    }

    @Test
    void playersLeftBeforeTheyHaltedAreKeptAndTheAppStaysUp() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config());
        driver.start(new LaunchOptions(false, 0, false));
        driver.signIn(demo.origin().toString(), demo.projectId(), demo.token());
        driver.awaitRows(14);

        // At once, before the check has run, as a quick user would: each row is played
        // and left within a moment, before its player has found that it cannot sound.
        for (int i = 0; i < 5; i++) {
            select(completed(i));
            driver.type(KeyCode.SPACE);
            select(completed(i + 1));
        }

        driver.await(() -> player().soundDeviceMissingProperty().get()
                && player().statusProperty().get() == PlaybackStatus.NO_SOUND_DEVICE
                && player().livePlayers() == 0);
        select(completed(0));
        driver.await(() -> driver.app().mainWindow() != null
                && player().recordingProperty().get() == completed(0));
        assertThat(player().statusProperty().get()).isEqualTo(PlaybackStatus.NO_SOUND_DEVICE);
    }

    private void select(Recording recording) {
        driver.interact(() -> {
            driver.table().getSelectionModel().select(recording);
            driver.table().requestFocus();
        });
        driver.await(() -> player().recordingProperty().get() == recording);
    }

    private Recording completed(int skip) {
        return driver.table().getItems().stream().filter(Recording::isCompleted)
                .filter(r -> r.durationSeconds() > 0).skip(skip).findFirst().orElseThrow();
    }

    private long mediaRequestsFor(Recording recording) {
        return demo.requests().entries().stream()
                .filter(e -> e.path().endsWith(recording.sid() + ".wav")
                        || e.path().endsWith(recording.sid() + ".mp3")).count();
    }

    private boolean enabled(String query) {
        Node node = driver.lookup(query).query();
        return !node.isDisabled();
    }

    private PlayerModel player() {
        return driver.app().mainWindow().player();
    }
}
