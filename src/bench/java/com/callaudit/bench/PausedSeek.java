package com.callaudit.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import javafx.animation.AnimationTimer;

/**
 * Times one seek of a paused player: from {@code seek()} to the first pulse at which the
 * player's own position is within half a second of the target, then plays on. The null
 * audio device is not paced, so a seek while playing cannot be told from the play head
 * racing on; hence the pause. A seek the player ignored is issued once more.
 */
final class PausedSeek {

    private static final double LANDED_WITHIN_MILLIS = 500;

    private PausedSeek() {
    }

    /**
     * @param seekMillis asks the player to move, on the FX thread
     * @param positionMillis the player's own position, read on the FX thread
     * @param play resumes playing, on the FX thread
     * @return milliseconds until the position landed, or NaN if it never did
     */
    static double time(double targetMillis, DoubleConsumer seekMillis,
            DoubleSupplier positionMillis, Runnable play) throws Exception {
        for (int attempt = 1; ; attempt++) {
            CompletableFuture<Long> arrived = new CompletableFuture<>();
            AnimationTimer poll = new AnimationTimer() {
                @Override
                public void handle(long pulse) {
                    double at = positionMillis.getAsDouble();
                    if (Math.abs(at - targetMillis) <= LANDED_WITHIN_MILLIS) {
                        arrived.complete(System.nanoTime());
                        stop();
                    }
                }
            };
            long started = FxThread.call(() -> {
                long now = System.nanoTime();
                seekMillis.accept(targetMillis);
                poll.start();
                return now;
            });
            try {
                double millis = (arrived.get(5, TimeUnit.SECONDS) - started) / 1e6;
                FxThread.run(play);
                return millis;
            } catch (TimeoutException e) {
                FxThread.run(poll::stop);
                if (attempt == 2) {
                    FxThread.run(play);
                    return Double.NaN;
                }
            }
        }
    }
}
