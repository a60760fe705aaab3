package com.callaudit.media;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;

/**
 * Players that halted, held until the app ends instead of being disposed.
 *
 * <p>Disposing a halted player while it still reads its media crashes the whole JVM
 * inside JavaFX's native media code (seen here in about half of the tries, with a WAV of
 * 4 MB served over HTTP and no sound device), whatever thread disposes it. A halted
 * player plays nothing and uses no sound device, so keeping it costs only the memory of
 * what it had read; players halt only when the sound device fails or goes away, and the
 * app makes no new player after that until the user asks for one.
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

    /** Whether {@code error} says the sound device could not be opened. */
    public static boolean isNoSoundDevice(MediaException error) {
        return error != null && error.getType() == MediaException.Type.PLAYBACK_HALTED
                && error.getMessage() != null
                && error.getMessage().toLowerCase(java.util.Locale.ROOT)
                        .contains("audio device");
    }
}
