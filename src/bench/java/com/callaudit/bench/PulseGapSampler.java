package com.callaudit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the FX thread goes without a pulse: an {@link AnimationTimer}
 * notes the longest gap between two of its calls, and a ping from another thread every
 * 10 ms notes the longest wait of a {@code Platform.runLater}. Phases are read with
 * {@link #takeWorst()}, which also starts the next phase afresh. Beside them it reads the
 * CPU time the FX thread spent in the phase, which other processes on the machine
 * disturb much less than they do the gaps, and how busy the whole process kept the
 * machine's cores (media decoding included, which runs in native threads).
 */
final class PulseGapSampler implements AutoCloseable {

    private final AtomicLong worstPulseGap = new AtomicLong();
    private final AtomicLong worstPingWait = new AtomicLong();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile long fxThreadId = -1;
    private long fxCpuAtPhaseStart;
    private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean();
    private long processCpuAtPhaseStart = system.getProcessCpuTime();
    private long phaseStarted = System.nanoTime();
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
        FxThread.run(() -> {
            sampler.fxThreadId = Thread.currentThread().getId();
            sampler.fxCpuAtPhaseStart = sampler.threads.getCurrentThreadCpuTime();
            sampler.timer.start();
        });
        sampler.pinger.setDaemon(true);
        sampler.pinger.start();
        return sampler;
    }

    /**
     * The longest pulse gap, the longest ping wait and the FX thread's CPU time since the
     * last call, in milliseconds, and the process's CPU time over that wall time as a
     * percentage of all the machine's cores.
     */
    double[] takeWorst() {
        long cpu = fxThreadId < 0 ? 0 : threads.getThreadCpuTime(fxThreadId);
        long spent = cpu - fxCpuAtPhaseStart;
        fxCpuAtPhaseStart = cpu;
        long processCpu = system.getProcessCpuTime();
        long now = System.nanoTime();
        double busy = 100.0 * (processCpu - processCpuAtPhaseStart)
                / Math.max(1, now - phaseStarted) / system.getAvailableProcessors();
        processCpuAtPhaseStart = processCpu;
        phaseStarted = now;
        return new double[] {worstPulseGap.getAndSet(0) / 1e6,
                worstPingWait.getAndSet(0) / 1e6, spent / 1e6, busy};
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
