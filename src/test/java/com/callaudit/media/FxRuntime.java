package com.callaudit.media;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Starts the JavaFX toolkit once per test JVM, headless under Monocle. */
final class FxRuntime {

    private static boolean started;

    private FxRuntime() {
    }

    static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            // Another test class (TestFX, say) started it first.
            ready.countDown();
        }
        Platform.setImplicitExit(false);
        if (!ready.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start within 20 s");
        }
        started = true;
    }
}
