package com.callaudit.bench;

import com.callaudit.api.Credentials;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.Recording;
import com.callaudit.api.SpaceAddress;
import com.callaudit.app.CallAuditApp;
import com.callaudit.app.LaunchOptions;
import com.callaudit.ui.player.PlaybackStatus;
import com.callaudit.ui.player.PlayerModel;
import com.callaudit.ui.recordings.RecordingReference;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.InvalidationListener;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * Plays as a user does: selects the recording's row in the real window and waits on
 * the app's own {@link PlayerModel}. Unbound, each {@link #play} starts a fresh app and
 * signs in to the given space (a fresh relay, so no run finds the last one's bytes in
 * the session cache); bound with {@link #inWindow} it uses a window already open.
 *
 * <p>The window loads a selection made after a rest at once, and one that follows
 * another within 150 ms only when the keys rest; each run selects after such a rest, as
 * a click does. The clock is read twice: at the selection and when the load starts. Play
 * is asked for in the same FX event that starts the load, as "select, then Play" would at
 * best.
 */
final class UiPlayback implements Playback {

    private final CallAuditApp boundApp;
    private final AtomicInteger endedBeforeTimeRead = new AtomicInteger();

    UiPlayback() {
        this(null);
    }

    private UiPlayback(CallAuditApp boundApp) {
        this.boundApp = boundApp;
    }

    @Override
    public Playback inWindow(CallAuditApp app) {
        return new UiPlayback(app);
    }

    @Override
    public String describe() {
        return "player UI (row selected in the real window, the app's PlayerModel)";
    }

    @Override
    public String clockStart() {
        int ended = endedBeforeTimeRead.get();
        return "fresh app (and relay) signed in per run, row selected"
                + (ended == 0 ? "" : " (so far in this figure " + ended
                        + (ended == 1 ? " run" : " runs") + " played to the end before "
                        + "a pulse read the time; the end counts as first audio)");
    }

    @Override
    public PlayingRecording play(URI mediaUrl, MediaFormat format, SpaceAddress space,
            Credentials credentials) throws Exception {
        FxThread.start();
        String sid = RecordingReference.sidIn(mediaUrl.toString()).orElseThrow(() ->
                new IllegalArgumentException("no recording SID in " + mediaUrl));
        CallAuditApp app = boundApp != null ? boundApp : signedInApp(space, credentials);
        try {
            return select(app, sid, format);
        } catch (Exception | Error e) {
            if (boundApp == null) {
                FxToolkit.cleanupApplication(app);
            }
            throw e;
        }
    }

    private static CallAuditApp signedInApp(SpaceAddress space, Credentials credentials)
            throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        CallAuditApp app = (CallAuditApp) FxToolkit.setupApplication(
                () -> new CallAuditApp(new LaunchOptions(false, 0, false)));
        SignInForm.signIn(stage, space.origin().toString(), credentials.projectId(),
                credentials.token());
        FxThread.await(() -> app.mainWindow() != null
                && !app.mainWindow().recordings().rows().isEmpty(), 30, "the first page");
        return app;
    }

    private Playing select(CallAuditApp app, String sid, MediaFormat format)
            throws Exception {
        PlayerModel player = app.mainWindow().player();
        TableView<Recording> table = table();
        emptyPlayer(app, player, table);
        // Found before the clock starts, and selected by its index, as a click does:
        // selecting by value would scan the 100,000 rows of figure 7. The scan runs off
        // the FX thread, on a copy of the rows, so that it is not counted as the app's
        // stall (a user's click finds its row without one).
        List<Recording> rows = FxThread.call(() -> List.copyOf(table.getItems()));
        int index = indexOf(rows, sid);
        Recording row = rows.get(index);

        CompletableFuture<Long> loadStarted = new CompletableFuture<>();
        CompletableFuture<Long> audio = new CompletableFuture<>();
        InvalidationListener watch = obs -> {
            long now = System.nanoTime();
            if (!loadStarted.isDone()
                    && player.statusProperty().get() == PlaybackStatus.LOADING
                    && player.recordingProperty().get() == row) {
                loadStarted.complete(now);
                player.play();
            }
            PlaybackStatus status = player.statusProperty().get();
            if (loadStarted.isDone() && !audio.isDone()
                    && status == PlaybackStatus.PLAYING
                    && player.currentMillisProperty().get() > 0) {
                audio.complete(now);
            }
            // The unpaced null device can play a short MP3 to its end before any
            // pulse reads the time; audio certainly came, by then at the latest.
            if (loadStarted.isDone() && !audio.isDone()
                    && status == PlaybackStatus.ENDED) {
                endedBeforeTimeRead.incrementAndGet();
                audio.complete(now);
            }
        };
        long selected = FxThread.call(() -> {
            player.preferredFormatProperty().set(format);
            player.statusProperty().addListener(watch);
            player.currentMillisProperty().addListener(watch);
            long now = System.nanoTime();
            table.getSelectionModel().select(index);
            return now;
        });
        try {
            long heard = audio.get(60, TimeUnit.SECONDS);
            return new Playing(this, app, player, table, (heard - selected) / 1e6,
                    (heard - loadStarted.get()) / 1e6);
        } finally {
            FxThread.run(() -> {
                player.statusProperty().removeListener(watch);
                player.currentMillisProperty().removeListener(watch);
            });
        }
    }

    private static int indexOf(List<Recording> rows, String sid) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).sid().equals(sid)) {
                return i;
            }
        }
        throw new IllegalStateException("recording " + sid + " is not listed");
    }

    // Clears the selection, then waits until the window would load the next one at once.
    private static void emptyPlayer(CallAuditApp app, PlayerModel player,
            TableView<Recording> table) throws Exception {
        FxThread.run(() -> table.getSelectionModel().clearSelection());
        FxThread.await(() -> player.recordingProperty().get() == null
                && !app.mainWindow().settling(), 5, "emptying the player");
    }

    @SuppressWarnings("unchecked")
    private static TableView<Recording> table() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        return FxThread.call(() ->
                (TableView<Recording>) stage.getScene().lookup("#recordingsTable"));
    }

    private record Playing(UiPlayback playback, CallAuditApp app, PlayerModel player,
            TableView<Recording> table, double millisToFirstAudio,
            double millisFromLoadStart) implements PlayingRecording {

        @Override
        public double seek(double seconds) throws Exception {
            return UiPlayback.seek(player, seconds);
        }

        @Override
        public void awaitFetched() throws Exception {
            FxThread.await(() -> player.bufferedProperty().get() >= 1.0, 120,
                    "fetching the whole recording");
        }

        @Override
        public void close() throws Exception {
            if (playback.boundApp == null) {
                FxToolkit.cleanupApplication(app);
            } else {
                emptyPlayer(app, player, table);
            }
        }
    }

    // As PlainPlayback does, and for the same reason (the null audio device is not
    // paced): pause, seek, read the player's own time on each pulse, play on.
    private static double seek(PlayerModel player, double seconds) throws Exception {
        if (!pause(player)) {
            return Double.NaN;
        }
        return PausedSeek.time(seconds * 1000, player::seek,
                player::playerPositionMillis, player::play);
    }

    // An unpaced player may have reached the end (stopped at the start); a pause from
    // there is fine. A pause lost while the player is busy is asked for again.
    private static boolean pause(PlayerModel player) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            FxThread.run(player::pause);
            try {
                FxThread.await(() -> player.statusProperty().get()
                        == PlaybackStatus.PAUSED, 3, "pausing");
                return true;
            } catch (IllegalStateException notYet) {
                FxThread.run(player::play);
            }
        }
        return false;
    }
}
