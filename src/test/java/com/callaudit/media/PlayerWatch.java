package com.callaudit.media;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;

/**
 * A real MediaPlayer on a URI, with what it did recorded for tests: statuses, the
 * furthest time reached, errors, the end of media. Waits are on conditions, bounded.
 */
final class PlayerWatch implements AutoCloseable {

    private final Object changed = new Object();
    private final List<MediaPlayer.Status> statuses = new CopyOnWriteArrayList<>();
    private volatile MediaPlayer player;
    private volatile double seconds;
    private volatile double furthestSeconds;
    private volatile double durationSeconds = -1;
    private volatile boolean ended;
    private boolean readied;
    private volatile MediaException error;

    private PlayerWatch() {
    }

    /** Opens {@code uri} in a new player on the FX thread; it plays once READY if asked. */
    static PlayerWatch open(URI uri, boolean playWhenReady) throws Exception {
        PlayerWatch watch = new PlayerWatch();
        onFxThread(() -> watch.create(uri, playWhenReady));
        return watch;
    }

    /** Waits until {@code condition} holds; false if it did not within {@code wait}. */
    boolean await(Predicate<PlayerWatch> condition, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (changed) {
            while (!condition.test(this)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                changed.wait(left);
            }
            return true;
        }
    }

    void play() throws Exception {
        onFxThread(() -> player.play());
    }

    /** Seeks and reads the time straight back, as a paused player reports no ticks. */
    void seek(double toSeconds) throws Exception {
        onFxThread(() -> {
            player.seek(javafx.util.Duration.seconds(toSeconds));
            observeTime(player.getCurrentTime().toSeconds());
        });
    }

    /**
     * Waits until the player's time is at least {@code target}, reading it afresh on the
     * FX thread at least every 100 ms, since a paused player sends no time updates.
     */
    boolean awaitTimeAtLeast(double target, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            onFxThread(() -> observeTime(player.getCurrentTime().toSeconds()));
            if (await(p -> p.seconds() >= target, Duration.ofMillis(100))) {
                return true;
            }
        }
        return false;
    }

    List<MediaPlayer.Status> statuses() {
        return List.copyOf(statuses);
    }

    boolean reached(MediaPlayer.Status status) {
        return statuses.contains(status);
    }

    double seconds() {
        return seconds;
    }

    double furthestSeconds() {
        return furthestSeconds;
    }

    double durationSeconds() {
        return durationSeconds;
    }

    boolean ended() {
        return ended;
    }

    MediaException error() {
        return error;
    }

    @Override
    public void close() throws Exception {
        onFxThread(() -> {
            if (player != null) {
                player.dispose();
            }
        });
    }

    private void create(URI uri, boolean playWhenReady) {
        Media media = new Media(uri.toString());
        media.setOnError(() -> failed(media.getError()));
        MediaPlayer created = new MediaPlayer(media);
        player = created;
        created.statusProperty().addListener((obs, old, status) -> {
            statuses.add(status);
            signal();
        });
        created.currentTimeProperty().addListener(
                (obs, old, time) -> observeTime(time.toSeconds()));
        created.setOnReady(() -> ready(created, playWhenReady));
        // JavaFX's player can trip inside its own ready step and never say READY; the
        // media's duration, set earlier in that step, tells (the app does the same).
        media.durationProperty().addListener((obs, old, duration) -> Platform.runLater(() -> {
            MediaPlayer.Status said = created.getStatus();
            if (said == null || said == MediaPlayer.Status.UNKNOWN) {
                ready(created, playWhenReady);
            }
        }));
        created.setOnEndOfMedia(() -> {
            // The null device outruns time updates; read the time once more at the end.
            observeTime(created.getCurrentTime().toSeconds());
            ended = true;
            signal();
        });
        created.setOnError(() -> failed(created.getError()));
    }

    // Runs on the FX thread, once.
    private void ready(MediaPlayer created, boolean playWhenReady) {
        if (readied) {
            return;
        }
        readied = true;
        durationSeconds = created.getMedia().getDuration().toSeconds();
        if (playWhenReady) {
            created.play();
        }
        signal();
    }

    private void observeTime(double now) {
        seconds = now;
        furthestSeconds = Math.max(furthestSeconds, now);
        signal();
    }

    private void failed(MediaException e) {
        error = e;
        signal();
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private static void onFxThread(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }
}
