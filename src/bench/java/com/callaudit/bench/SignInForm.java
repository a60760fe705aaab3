package com.callaudit.bench;

import com.callaudit.ui.AfterNextFrame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

/**
 * Signs in through the app's form as a user does: not before the form has been on
 * screen a second, which the app uses to build its main window ahead.
 */
final class SignInForm {

    /** How long a user reads the form, at the least, before signing in. */
    static final long READING_MILLIS = 1000;

    private SignInForm() {
    }

    /**
     * Waits for the form's next frame and a reader's second, fills the three fields and
     * fires "Sign in"; returns {@link System#nanoTime()} at the fire.
     */
    static long signIn(Stage stage, String space, String projectId, String token)
            throws Exception {
        CompletableFuture<Void> painted = new CompletableFuture<>();
        FxThread.run(() -> AfterNextFrame.run(stage.getScene(),
                () -> painted.complete(null)));
        painted.get(30, TimeUnit.SECONDS);
        Thread.sleep(READING_MILLIS);
        return FxThread.call(() -> {
            Scene form = stage.getScene();
            ((TextInputControl) form.lookup("#space")).setText(space);
            ((TextInputControl) form.lookup("#projectId")).setText(projectId);
            ((TextInputControl) form.lookup("#token")).setText(token);
            long now = System.nanoTime();
            ((Button) form.lookup("#signIn")).fire();
            return now;
        });
    }
}
