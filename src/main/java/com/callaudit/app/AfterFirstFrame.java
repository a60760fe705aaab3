package com.callaudit.app;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs work once a scene's first frame has been laid out and handed to the renderer:
 * the place for start-up work the first paint does not need. Call on the FX thread,
 * before or just after the stage is shown.
 */
final class AfterFirstFrame {

    private AfterFirstFrame() {
    }

    /** Runs {@code then} on the FX thread, once, right after the first laid-out pulse. */
    static void run(Scene scene, Runnable then) {
        boolean[] done = new boolean[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            // Removed after the pulse, not while the scene walks its listeners.
            Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(listener[0]);
                then.run();
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
