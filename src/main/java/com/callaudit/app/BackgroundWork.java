package com.callaudit.app;

import com.callaudit.media.HaltedPlayers;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's small pool of threads for network, disk and decoding work.
 *
 * <p>Models hand it {@link Task}s; a task's {@code call()} runs here, its
 * {@code succeeded()} and {@code failed()} on the FX thread. Media players are made,
 * played, paused, stopped, sought and disposed here too, never on the FX thread.
 * Threads are daemons, so a stuck request can never keep the app from exiting;
 * {@link #shutdown()} on exit.
 */
public final class BackgroundWork {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
    // How long a player let go before it said how it stands may take to say it; the
    // first player of a process can take over a second.
    private static final Duration SETTLE_PATIENCE = Duration.ofSeconds(3);
    private static final Duration FX_TURN_PATIENCE = Duration.ofMillis(500);

    private final ExecutorService executor;
    // Work on what is already in memory (sorting, filtering) gets a thread of its own,
    // so it never queues behind requests waiting on a slow space.
    private final ExecutorService computing;
    // JavaFX's media players are made, controlled and torn down here, one call after
    // another: with a sound device their native calls can take a third of a second, and
    // they must not overlap, as tearing one down while the next is made once crashed
    // JavaFX's media.
    private final ExecutorService media;

    public BackgroundWork() {
        this.executor = Executors.newFixedThreadPool(4, new NamedDaemonThreads("work"));
        this.computing = Executors.newSingleThreadExecutor(new NamedDaemonThreads("compute"));
        this.media = Executors.newSingleThreadExecutor(new NamedDaemonThreads("media"));
    }

    /**
     * Starts the task on a background thread and returns it. Once the app is shutting
     * down, the task is cancelled instead: a late timer must not fail the exit.
     */
    public <T> Task<T> start(Task<T> task) {
        return startOn(executor, task);
    }

    /**
     * As {@link #start}, for work that only computes over data already in memory: it runs
     * on a thread of its own, one task after another, never behind network work.
     */
    public <T> Task<T> startComputing(Task<T> task) {
        return startOn(computing, task);
    }

    /**
     * As {@link #start}, for making a media player: on a thread of its own, after the
     * players handed to {@link #disposeMedia} before it are gone.
     */
    public <T> Task<T> startMedia(Task<T> task) {
        return startOn(media, task);
    }

    /**
     * The media thread as an executor, for code outside the app that makes and disposes
     * players of its own; once the app is shutting down it refuses work with a
     * {@link RejectedExecutionException}.
     */
    public Executor mediaLane() {
        return media;
    }

    /**
     * Runs a media player's control (play, pause, stop, seek) on the media thread, after
     * what was handed to it before; dropped once the app is shutting down.
     */
    public void controlMedia(Runnable control) {
        try {
            media.execute(() -> {
                try {
                    control.run();
                } catch (RuntimeException e) {
                    LOG.warn("A media player refused a control: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // The app is exiting, and its players with it.
        }
    }

    /**
     * Stops and disposes a media player on the media thread, then runs {@code then} on
     * the FX thread, whether or not the player went quietly. Let go of the player's
     * listeners first: they would hear its last status change on the media thread. A
     * player that halted is kept instead (see {@link HaltedPlayers}); one that has not
     * yet said whether it could open the sound device is waited for first.
     */
    public void disposeMedia(MediaPlayer player, Runnable then) {
        disposeMedia(player, () -> { }, then);
    }

    // Shortcoming: once in many test runs JavaFX's native code corrupted its memory and
    // ended the process just after a player that had failed on a body that was not audio
    // was disposed, so a user who selects such a recording may, rarely, lose the app.
    /**
     * As {@link #disposeMedia(MediaPlayer, Runnable)}, running {@code afterDisposal} on
     * the media thread once the player is disposed, not when it is kept: for cancelling
     * its download, which it must not see cut while it halts.
     */
    public void disposeMedia(MediaPlayer player, Runnable afterDisposal, Runnable then) {
        try {
            media.execute(() -> {
                try {
                    if (HaltedPlayers.haltedOnceSettled(player, SETTLE_PATIENCE)) {
                        HaltedPlayers.keep(player);
                        return;
                    }
                    player.stop();
                    awaitFxTurn();
                    player.dispose();
                    afterDisposal.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn("A media player did not close cleanly: {}", e.toString());
                } finally {
                    Platform.runLater(then);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // The app is exiting, and its players with it.
        }
    }

    // A playing player has its current time read on the FX thread every tenth of a
    // second; a read already queued when the player is disposed here fails inside
    // JavaFX. Stopped, it queues no more, and one turn of the FX thread runs the last.
    private static void awaitFxTurn() throws InterruptedException {
        CountDownLatch turned = new CountDownLatch(1);
        try {
            Platform.runLater(turned::countDown);
        } catch (IllegalStateException toolkitGone) {
            return;
        }
        turned.await(FX_TURN_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static <T> Task<T> startOn(ExecutorService lane, Task<T> task) {
        try {
            lane.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            task.cancel(false);
        }
        return task;
    }

    /** Runs plain work off the FX thread; dropped once the app is shutting down. */
    public void run(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException shuttingDown) {
            // The app is exiting; the work no longer matters.
        }
    }

    /** Stops taking work and waits briefly for what is under way. */
    public void shutdown() {
        executor.shutdownNow();
        computing.shutdownNow();
        // Players already handed over are still disposed, but not waited for: waiting
        // here, on the FX thread, held the exit for seconds in the benchmarks.
        media.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final String kind;
        private final AtomicInteger count = new AtomicInteger();

        NamedDaemonThreads(String kind) {
            this.kind = kind;
        }

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work,
                    "callaudit-" + kind + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
