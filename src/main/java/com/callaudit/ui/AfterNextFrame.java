package com.callaudit.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs work once a scene's next frame has been laid out and handed to the renderer.
 * Called just before a stage is shown, that frame is its first: the place for start-up
 * work the first paint does not need. If the scene never lays out another frame (its
 * window closed), the work never runs. Call on the FX thread.
 */
public final class AfterNextFrame {

    private AfterNextFrame() {
    }

    /** Runs {@code then} on the FX thread, once, right after the next laid-out pulse. */
    public static void run(Scene scene, Runnable then) {
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
