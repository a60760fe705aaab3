package com.callaudit.app;

import com.callaudit.ui.AfterNextFrame;
import javafx.scene.Scene;

/**
 * Prints one line when a scene's first frame has gone out, for the start-up benchmark:
 * {@code callaudit.bench.firstFrame <epoch millis>}. Only with
 * {@code -Dcallaudit.bench.firstFrame=true}; otherwise it does nothing.
 */
public final class FirstFrame {

    /** The line's first word; the benchmark waits for it on the process's output. */
    public static final String MARK = "callaudit.bench.firstFrame";

    private FirstFrame() {
    }

    /** Whether this process was asked to report its first frame. */
    public static boolean requested() {
        return Boolean.getBoolean(MARK);
    }

    /**
     * Prints the line once, right after the first pulse that laid out {@code scene}
     * (the frame of that pulse is handed to the renderer before the line is printed).
     * Call on the FX thread, before or just after the stage is shown, and before any
     * other work is put after the first frame, so the line comes first.
     */
    public static void reportOnce(Scene scene) {
        AfterNextFrame.run(scene,
                () -> System.out.println(MARK + " " + System.currentTimeMillis()));
    }
}
