package com.callaudit.bench;

import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the FX thread goes without a pulse: an {@link AnimationTimer}
 * notes the longest gap between two of its calls, and a ping from another thread every
 * 10 ms notes the longest wait of a {@code Platform.runLater}. Phases are read with
 * {@link #takeWorst()}, which also starts the next phase afresh.
 */
final class PulseGapSampler implements AutoCloseable {

    private final AtomicLong worstPulseGap = new AtomicLong();
    private final AtomicLong worstPingWait = new AtomicLong();
    private final AnimationTimer timer = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long pulse) {
            long now = System.nanoTime();
            if (last != 0) {
                worstPulseGap.accumulateAndGet(now - last, Math::max);
            }
            last = now;
        }

        @Override
        public void stop() {
            super.stop();
            last = 0;
        }
    };
    private final Thread pinger = new Thread(this::ping, "fx-stall-ping");
    private volatile boolean running = true;

    static PulseGapSampler start() throws Exception {
        PulseGapSampler sampler = new PulseGapSampler();
        FxThread.run(sampler.timer::start);
        sampler.pinger.setDaemon(true);
        sampler.pinger.start();
        return sampler;
    }

    /** The longest pulse gap and ping wait since the last call, in milliseconds. */
    double[] takeWorst() {
        return new double[] {worstPulseGap.getAndSet(0) / 1e6,
                worstPingWait.getAndSet(0) / 1e6};
    }

    private void ping() {
        while (running) {
            long sent = System.nanoTime();
            Platform.runLater(() -> worstPingWait.accumulateAndGet(
                    System.nanoTime() - sent, Math::max));
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        pinger.interrupt();
        FxThread.run(timer::stop);
    }
}
