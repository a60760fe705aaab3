package com.callaudit.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an exception nothing caught on the FX thread: it goes to the log, and
 * then to the process's default handler if one is set (test harnesses set one to fail
 * the test). One known race inside JavaFX's own MediaPlayer is only noted, because the
 * player recovers from it (see {@code PlayerModel}).
 */
final class FxThreadErrors {

    private static final Logger LOG = LoggerFactory.getLogger(FxThreadErrors.class);

    private FxThreadErrors() {
    }

    /** Call on the FX thread. */
    static void install() {
        Thread.currentThread().setUncaughtExceptionHandler(FxThreadErrors::uncaught);
    }

    private static void uncaught(Thread thread, Throwable error) {
        if (isMediaPlayerReadyRace(error)) {
            LOG.info("JavaFX's media player missed its own ready signal; the player "
                    + "goes on without it");
            return;
        }
        LOG.error("Unexpected error on the FX thread", error);
        Thread.UncaughtExceptionHandler fallback = Thread.getDefaultUncaughtExceptionHandler();
        if (fallback != null) {
            fallback.uncaughtException(thread, error);
        }
    }

    /**
     * JavaFX's MediaPlayer reads its last buffering event twice while it gets ready, and
     * its media thread can clear that event in between: a NullPointerException thrown
     * from {@code MediaPlayer.preReady}, after which the player is ready but never says so.
     */
    static boolean isMediaPlayerReadyRace(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            StackTraceElement[] stack = e.getStackTrace();
            if (e instanceof NullPointerException && stack.length > 0
                    && stack[0].getClassName().equals("javafx.scene.media.MediaPlayer")
                    && stack[0].getMethodName().equals("preReady")) {
                return true;
            }
        }
        return false;
    }
}
