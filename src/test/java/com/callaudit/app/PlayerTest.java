package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.MediaFormat;
import com.callaudit.api.Recording;
import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.RequestLog;
import com.callaudit.ui.player.PlaybackStatus;
import com.callaudit.ui.player.PlayerModel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Listening through the real window: real MediaPlayers on the ALSA null device. */
class PlayerTest {

    private final AppDriver driver = new AppDriver();
    private DemoSpace demo;
    private SpaceProxy proxy;

    @AfterEach
    void stopEverything() throws Exception {
        driver.stop();
        if (proxy != null) {
            proxy.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void enterPlaysTheSelectedRecordingToItsEnd() throws Exception {
        signInTo(new DemoSpace.Config());
        Recording call = firstCompleted(1);
        AtomicBoolean sawPlaying = watchForPlaying();

        selectAndPressEnter(call);

        driver.await(() -> player().statusProperty().get() == PlaybackStatus.ENDED);
        assertThat(sawPlaying).isTrue();
        assertThat(player().playingFormatProperty().get()).isEqualTo(MediaFormat.WAV);
        assertThat(player().totalMillisProperty().get()).isGreaterThan(1000);
    }

    @Test
    void playsAgainAfterTheEndAndAfterStop() throws Exception {
        signInTo(new DemoSpace.Config());
        selectAndPressEnter(firstCompleted(1));
        driver.await(() -> player().statusProperty().get() == PlaybackStatus.ENDED);
        AtomicBoolean playedAgain = watchForPlaying();

        driver.type(KeyCode.SPACE);

        driver.await(() -> playedAgain.get()
                && player().statusProperty().get() == PlaybackStatus.ENDED);
        driver.clickOn("#stop");
        driver.await(() -> player().statusProperty().get() == PlaybackStatus.STOPPED);
        AtomicBoolean playedAfterStop = watchForPlaying();
        driver.clickOn("#playPause");
        driver.await(() -> playedAfterStop.get()
                && player().statusProperty().get() == PlaybackStatus.ENDED);
    }

    @Test
    void playsMp3WhenChosen() throws Exception {
        signInTo(new DemoSpace.Config());
        driver.interact(() -> player().preferredFormatProperty().set(MediaFormat.MP3));

        selectAndPressEnter(firstCompleted(1));

        driver.await(() -> player().statusProperty().get() == PlaybackStatus.ENDED);
        assertThat(player().playingFormatProperty().get()).isEqualTo(MediaFormat.MP3);
        assertThat(player().noticeProperty().get()).isEmpty();
    }

    @Test
    void playsTheMulawRecordingAfterConvertingIt() throws Exception {
        signInTo(new DemoSpace.Config());
        Recording mulaw = recordingServedAsMulaw();

        selectAndPressEnter(mulaw);

        driver.await(() -> player().statusProperty().get() == PlaybackStatus.ENDED);
        assertThat(player().reasonProperty().get()).isEmpty();
    }

    @Test
    void playsProtectedMediaWithoutPuttingTheTokenInAnyUrl() throws Exception {
        signInTo(new DemoSpace.Config().mediaProtected(true));
        Recording call = firstCompleted(1);
        AtomicReference<URI> playerUri = new AtomicReference<>();
        driver.interact(() -> player().playerUriProperty().addListener((obs, was, now) -> {
            if (now != null) {
                playerUri.set(now);
            }
        }));

        selectAndPressEnter(call);

        driver.await(() -> player().statusProperty().get() == PlaybackStatus.ENDED);
        List<RequestLog.Entry> media = demo.requests().entries().stream()
                .filter(e -> e.path().endsWith(call.sid() + ".wav")).toList();
        assertThat(media).extracting(RequestLog.Entry::status).contains(401, 200);
        assertThat(demo.requests().entries()).allSatisfy(e ->
                assertThat(e.pathAndQuery()).doesNotContain(demo.token()));
        assertThat(playerUri.get().getHost()).isEqualTo("127.0.0.1");
        assertThat(playerUri.get().toString()).doesNotContain(demo.token())
                .doesNotContain(demo.projectId());
        assertThat(playerUri.get().getUserInfo()).isNull();
    }

    @Test
    void aSixtyMinuteRecordingStartsPlayingBeforeItsDownloadEnds() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().longRecordings(true));
        proxy = SpaceProxy.to(demo.origin());
        proxy.throttleMedia(4_000_000);
        signInThrough(proxy.origin());
        Recording hour = driver.table().getItems().stream()
                .filter(r -> r.durationSeconds() >= 3600).findFirst().orElseThrow();
        AtomicReference<Double> fetchedWhenPlaying = new AtomicReference<>();
        driver.interact(() -> player().statusProperty().addListener((obs, was, now) -> {
            if (now == PlaybackStatus.PLAYING && fetchedWhenPlaying.get() == null) {
                fetchedWhenPlaying.set(player().bufferedProperty().get());
            }
        }));

        selectAndPressEnter(hour);

        driver.await(() -> fetchedWhenPlaying.get() != null);
        assertThat(fetchedWhenPlaying.get()).isLessThan(0.5);
        assertThat(player().totalMillisProperty().get()).isGreaterThanOrEqualTo(3_599_000);
    }

    @Test
    void thePlayButtonShowsPauseWhilePlayingAndPlayWhilePaused() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().longRecordings(true));
        proxy = SpaceProxy.to(demo.origin());
        proxy.throttleMedia(4_000_000);
        signInThrough(proxy.origin());
        Recording hour = driver.table().getItems().stream()
                .filter(r -> r.durationSeconds() >= 3600).findFirst().orElseThrow();

        selectAndPressEnter(hour);

        // Read together: a throttled download may stall the player again at any moment.
        driver.await(() -> player().statusProperty().get() == PlaybackStatus.PLAYING
                && playButtonGlyph() == Material2MZ.PAUSE);
        driver.interact(() -> player().pause());
        driver.await(() -> player().statusProperty().get() == PlaybackStatus.PAUSED
                && playButtonGlyph() == Material2MZ.PLAY_ARROW);
    }

    @Test
    void aQuickRunOfPausesAndPlaysEndsAsTheLastOneAsked() throws Exception {
        playAnHourLongRecording();

        driver.interact(() -> {
            player().pause();
            player().play();
            player().pause();
        });
        driver.await(() -> player().statusProperty().get() == PlaybackStatus.PAUSED);
        double pausedAt = player().playerPositionMillis();
        driver.interact(() -> {
            player().play();
            player().pause();
            player().play();
        });

        driver.await(() -> player().statusProperty().get() == PlaybackStatus.PLAYING
                && player().playerPositionMillis() > pausedAt + 500);
    }

    @Test
    void twoQuickSpacesEndWhereTheyBeganAndThreeTurnPlayingToPaused() throws Exception {
        playAnHourLongRecording();

        // Pressed within one turn of the FX thread, before the player reports back.
        driver.interact(() -> {
            player().togglePlay();
            player().togglePlay();
        });
        double afterTwo = player().playerPositionMillis();

        driver.await(() -> player().statusProperty().get() == PlaybackStatus.PLAYING
                && player().playerPositionMillis() > afterTwo + 500);
        driver.interact(() -> {
            player().togglePlay();
            player().togglePlay();
            player().togglePlay();
        });
        driver.await(() -> player().statusProperty().get() == PlaybackStatus.PAUSED);
    }

    @Test
    void spaceRightAfterMovingThroughRowsPlaysTheRowNowSelected() throws Exception {
        signInTo(new DemoSpace.Config());
        List<Recording> calls = driver.table().getItems().stream()
                .filter(Recording::isCompleted).limit(2).toList();
        driver.await(() -> !driver.app().mainWindow().settling());
        AtomicBoolean sawPlaying = watchForPlaying();

        driver.interact(() -> {
            driver.table().requestFocus();
            driver.table().getSelectionModel().select(calls.get(0));
            driver.table().getSelectionModel().select(calls.get(1));
        });
        driver.type(KeyCode.SPACE);

        driver.await(() -> sawPlaying.get()
                && player().recordingProperty().get() == calls.get(1));
    }

    private org.kordamp.ikonli.Ikon playButtonGlyph() {
        javafx.scene.control.Button play = driver.lookup("#playPause").queryButton();
        return ((FontIcon) play.getGraphic()).getIconCode();
    }

    @Test
    void selectingAnotherRecordingCancelsTheDownloadUnderWay() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().longRecordings(true));
        proxy = SpaceProxy.to(demo.origin());
        proxy.throttleMedia(1_000_000);
        signInThrough(proxy.origin());
        Recording hour = driver.table().getItems().stream()
                .filter(r -> r.durationSeconds() >= 3600).findFirst().orElseThrow();
        driver.interact(() -> driver.table().getSelectionModel().select(hour));
        driver.await(() -> proxy.openMediaPaths().stream()
                .anyMatch(path -> path.contains(hour.sid())));

        driver.interact(() -> driver.table().getSelectionModel().select(firstCompleted(1)));

        driver.await(() -> proxy.openMediaPaths().stream()
                .noneMatch(path -> path.contains(hour.sid())));
        assertThat(player().recordingProperty().get().sid()).isNotEqualTo(hour.sid());
    }

    @Test
    void aRestedSelectionLoadsAtOnceAndARunOfRowsLoadsOnlyWhereItStops() throws Exception {
        signInTo(new DemoSpace.Config());
        List<Recording> calls = driver.table().getItems().stream()
                .filter(Recording::isCompleted).limit(4).toList();
        driver.await(() -> !driver.app().mainWindow().settling());
        AtomicReference<Recording> loadedAtOnce = new AtomicReference<>();
        AtomicReference<Recording> loadedDuringTheRun = new AtomicReference<>();

        driver.interact(() -> {
            driver.table().getSelectionModel().select(calls.get(0));
            loadedAtOnce.set(player().recordingProperty().get());
            for (Recording next : calls.subList(1, calls.size())) {
                driver.table().getSelectionModel().select(next);
            }
            loadedDuringTheRun.set(player().recordingProperty().get());
        });

        assertThat(loadedAtOnce.get()).isSameAs(calls.get(0));
        assertThat(loadedDuringTheRun.get()).isSameAs(calls.get(0));
        driver.await(() -> player().recordingProperty().get() == calls.get(3)
                && player().statusProperty().get() == PlaybackStatus.READY);
        List<String> media = demo.requests().entries().stream().map(RequestLog.Entry::path)
                .filter(path -> path.endsWith(".wav") || path.endsWith(".mp3")).toList();
        assertThat(media).noneMatch(path -> path.contains(calls.get(1).sid())
                || path.contains(calls.get(2).sid()));
        assertThat(media).anyMatch(path -> path.contains(calls.get(3).sid()));
    }

    @Test
    void savesTheAudioAtomicallyInTheChosenFormat(@TempDir Path folder) throws Exception {
        signInTo(new DemoSpace.Config());
        Recording call = firstCompleted(1);
        driver.interact(() -> driver.table().getSelectionModel().select(call));
        driver.await(() -> player().recordingProperty().get() == call);
        Path target = folder.resolve("call.wav");
        Files.writeString(target, "an older file of the same name");

        driver.interact(() -> player().saveAs(target));

        driver.await(() -> !player().savingProperty().get());
        byte[] saved = Files.readAllBytes(target);
        assertThat(new String(saved, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("RIFF");
        assertThat(saved.length).isGreaterThan(call.durationSeconds() * 8000);
        assertThat(player().saveMessageProperty().get()).startsWith("Saved to");
        try (var left = Files.list(folder)) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void seeksWithinAFetchedRecording() throws Exception {
        signInTo(new DemoSpace.Config());
        Recording longest = driver.table().getItems().stream().filter(Recording::isCompleted)
                .max(java.util.Comparator.comparingInt(Recording::durationSeconds))
                .orElseThrow();
        driver.interact(() -> driver.table().getSelectionModel().select(longest));
        driver.await(() -> player().statusProperty().get() == PlaybackStatus.READY
                && player().bufferedProperty().get() >= 1.0);

        driver.interact(() -> player().seek(60_000));

        driver.await(() -> {
            double at = player().playerPositionMillis();
            boolean arrived = at >= 59_000 && at <= 62_000;
            if (!arrived) {
                player().seek(60_000);
            }
            return arrived;
        });
        assertThat(driver.text("#elapsed")).isEqualTo("1:00");
    }

    @Test
    void aFormatThatFailsFallsBackToTheOtherAndSaysSo() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config());
        proxy = SpaceProxy.to(demo.origin());
        proxy.breakMedia(".mp3");
        signInThrough(proxy.origin());
        driver.interact(() -> player().preferredFormatProperty().set(MediaFormat.MP3));

        selectAndPressEnter(firstCompleted(1));

        driver.await(() -> player().statusProperty().get() == PlaybackStatus.ENDED);
        assertThat(player().playingFormatProperty().get()).isEqualTo(MediaFormat.WAV);
        assertThat(player().noticeProperty().get()).contains("MP3 could not be played",
                "playing WAV instead");
        assertThat(driver.text("#playerMessage"))
                .contains("playing WAV instead");
    }

    @Test
    void aHundredSwitchesOfRecordingLeaveOnePlayer() throws Exception {
        signInTo(new DemoSpace.Config());
        List<Recording> playable = driver.table().getItems().stream()
                .filter(Recording::isCompleted).toList();

        for (int i = 0; i < 100; i++) {
            Recording next = playable.get(i % playable.size());
            driver.interact(() -> player().load(next));
            if (i % 10 == 9) {
                driver.await(() -> player().statusProperty().get() != PlaybackStatus.LOADING);
            }
        }

        driver.await(() -> player().statusProperty().get() == PlaybackStatus.READY);
        driver.await(() -> player().livePlayers() == 1);
        driver.interact(() -> driver.app().mainWindow().close());
        driver.await(() -> player().livePlayers() == 0);
    }

    @Test
    void recordingsWithoutAudioDisableTheControlsAndSayWhy() throws Exception {
        signInTo(new DemoSpace.Config());
        Recording absent = driver.table().getItems().stream()
                .filter(r -> r.status().equals("absent")).findFirst().orElseThrow();

        driver.interact(() -> driver.table().getSelectionModel().select(absent));

        driver.await(() -> player().statusProperty().get() == PlaybackStatus.UNAVAILABLE);
        assertThat(driver.lookup("#playPause").query().isDisabled()).isTrue();
        assertThat(driver.text("#playerMessage"))
                .contains("absent");
    }

    @Test
    void keysChangeSpeedAndPlayPause() throws Exception {
        signInTo(new DemoSpace.Config());
        selectAndPressEnter(firstCompleted(1));
        driver.await(() -> player().statusProperty().get() != PlaybackStatus.LOADING);

        driver.write("]]");
        driver.await(() -> player().rateProperty().get() == 1.5);
        driver.write("[[[[[[");

        driver.await(() -> player().rateProperty().get() == 0.5);
        assertThat(driver.text("#speed")).isEqualTo("0.5×");
    }

    // Signs in to a demo space with hour-long recordings and plays one of them.
    private void playAnHourLongRecording() throws Exception {
        signInTo(new DemoSpace.Config().longRecordings(true));
        Recording hour = driver.table().getItems().stream()
                .filter(r -> r.durationSeconds() >= 3600).findFirst().orElseThrow();
        selectAndPressEnter(hour);
        driver.await(() -> player().statusProperty().get() == PlaybackStatus.PLAYING);
    }

    private AtomicBoolean watchForPlaying() {
        AtomicBoolean seen = new AtomicBoolean();
        driver.interact(() -> player().statusProperty().addListener((obs, was, now) -> {
            if (now == PlaybackStatus.PLAYING) {
                seen.set(true);
            }
        }));
        return seen;
    }

    private void signInTo(DemoSpace.Config config) throws Exception {
        demo = DemoSpace.start(config);
        signInThrough(demo.origin());
    }

    private void signInThrough(URI origin) throws Exception {
        driver.start(new LaunchOptions(false, 0, false));
        driver.signIn(origin.toString(), demo.projectId(), demo.token());
        driver.awaitRows(Math.min(14, demo.recordingCount()));
    }

    private void selectAndPressEnter(Recording recording) {
        driver.interact(() -> {
            driver.table().getSelectionModel().select(recording);
            driver.table().scrollTo(recording);
            driver.table().requestFocus();
        });
        driver.await(() -> driver.table().isFocused()
                && driver.table().getSelectionModel().getSelectedItem() == recording);
        driver.type(KeyCode.ENTER);
        driver.await(() -> player().recordingProperty().get() == recording);
    }

    private Recording firstCompleted(int skip) {
        return driver.table().getItems().stream().filter(Recording::isCompleted)
                .filter(r -> r.durationSeconds() > 0).skip(skip).findFirst().orElseThrow();
    }

    private Recording recordingServedAsMulaw() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (Recording r : driver.table().getItems()) {
            if (!r.isCompleted()) {
                continue;
            }
            URI wav = URI.create(demo.origin() + "/api/laml/2010-04-01/Accounts/"
                    + demo.projectId() + "/Recordings/" + r.sid() + ".wav");
            byte[] head = http.send(java.net.http.HttpRequest.newBuilder(wav)
                    .header("Range", "bytes=0-43").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            if ((head[20] & 0xff) == 7) {
                return r;
            }
        }
        throw new AssertionError("the demo space serves no mu-law recording");
    }

    private PlayerModel player() {
        return driver.app().mainWindow().player();
    }
}
