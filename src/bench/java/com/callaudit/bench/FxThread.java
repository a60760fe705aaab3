package com.callaudit.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;

/** The JavaFX toolkit for in-process figures: headless Monocle, started once. */
final class FxThread {

    private static boolean started;

    private FxThread() {
    }

    static synchronized void start() throws Exception {
        if (!started) {
            FxToolkit.registerPrimaryStage();
            Platform.setImplicitExit(false);
            started = true;
        }
    }

    /** Runs {@code work} on the FX thread and waits for its result, at most 30 s. */
    static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until {@code condition}, read on the FX thread, holds; fails after the wait. */
    static void await(Callable<Boolean> condition, long seconds, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!call(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not happen in " + seconds
                        + " s");
            }
            Thread.sleep(20);
        }
    }
}
