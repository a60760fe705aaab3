package com.callaudit.bench;

import com.callaudit.app.FirstFrame;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of figure 1: the plainest JavaFX window, one label, started and timed
 * exactly as CallAudit is (a launcher class on the class path, first frame reported by
 * the same hook).
 */
public final class BareWindow extends Application {

    /** Starts the window, as {@code com.callaudit.launcher.Launcher} starts the app. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Bare window")), 460, 420);
        stage.setTitle("Bare window");
        stage.setScene(scene);
        if (FirstFrame.requested()) {
            FirstFrame.reportOnce(scene);
        }
        stage.show();
    }
}
