package com.callaudit.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;

/**
 * Players that halted, held until the app ends instead of being disposed.
 *
 * <p>Disposing a halted player while it still reads its media crashes the whole JVM
 * inside JavaFX's native media code (seen here in about half of the tries, with a WAV of
 * 4 MB served over HTTP and no sound device), whatever thread disposes it. A halted
 * player plays nothing and uses no sound device, so keeping it costs only the memory of
 * what it had read and of its few native threads; players halt only when the sound
 * device fails or goes away, and the app makes no new player after that until the user
 * asks for one.
 *
 * <p>Shortcoming: each Play pressed without a sound device keeps one more player, so a
 * user who presses it a hundred times there holds a few hundred MB until the app exits.
 */
public final class HaltedPlayers {

    private static final List<MediaPlayer> KEPT = new ArrayList<>();

    private HaltedPlayers() {
    }

    /** Keeps {@code player} referenced, never disposed, for as long as the app runs. */
    public static void keep(MediaPlayer player) {
        synchronized (KEPT) {
            KEPT.add(player);
        }
    }

    /** How many players are kept; for tests. */
    public static int count() {
        synchronized (KEPT) {
            return KEPT.size();
        }
    }

    /**
     * Whether {@code player} halted, once it has said how it stands: a player without a
     * sound device halts a quarter to half a second after it is made, and one let go
     * before then would be disposed in the middle of halting. Waits for the first status
     * at most {@code patience}; call it off the FX thread, which reports that status.
     */
    public static boolean haltedOnceSettled(MediaPlayer player, Duration patience)
            throws InterruptedException {
        CountDownLatch settled = new CountDownLatch(1);
        try {
            Platform.runLater(() -> {
                if (hasSaid(player)) {
                    settled.countDown();
                    return;
                }
                InvalidationListener onChange = new InvalidationListener() {
                    @Override
                    public void invalidated(Observable changed) {
                        if (hasSaid(player)) {
                            player.statusProperty().removeListener(this);
                            player.errorProperty().removeListener(this);
                            settled.countDown();
                        }
                    }
                };
                player.statusProperty().addListener(onChange);
                player.errorProperty().addListener(onChange);
            });
        } catch (IllegalStateException toolkitGone) {
            return isHalted(player);
        }
        settled.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        return isHalted(player);
    }

    private static boolean hasSaid(MediaPlayer player) {
        MediaPlayer.Status status = player.getStatus();
        return status != null && status != MediaPlayer.Status.UNKNOWN
                || player.getError() != null;
    }

    private static boolean isHalted(MediaPlayer player) {
        MediaException error = player.getError();
        return player.getStatus() == MediaPlayer.Status.HALTED
                || error != null && error.getType() == MediaException.Type.PLAYBACK_HALTED;
    }

    /** Whether {@code error} says the sound device could not be opened. */
    public static boolean isNoSoundDevice(MediaException error) {
        return error != null && error.getType() == MediaException.Type.PLAYBACK_HALTED
                && error.getMessage() != null
                && error.getMessage().toLowerCase(Locale.ROOT)
                        .contains("audio device");
    }
}
