package com.callaudit.app;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers where the main window was and how big, and puts it back on a visible screen. */
final class WindowBounds {

    private WindowBounds() {
    }

    static void restore(Stage stage, AppSettings settings, double width, double height) {
        Dimension2D size = size(settings, width, height);
        stage.setWidth(size.getWidth());
        stage.setHeight(size.getHeight());
        double x = settings.number("window.x").orElse(Double.NaN);
        double y = settings.number("window.y").orElse(Double.NaN);
        boolean onScreen = !Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(x, y, 100, 100).isEmpty();
        if (onScreen) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
    }

    /** The size restore gives the window: the one remembered, if the screen holds it. */
    static Dimension2D size(AppSettings settings, double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Dimension2D(
                Math.min(settings.number("window.width").orElse(width), screen.getWidth()),
                Math.min(settings.number("window.height").orElse(height),
                        screen.getHeight()));
    }

    static void remember(Stage stage, AppSettings settings) {
        settings.putNumber("window.width", stage.getWidth());
        settings.putNumber("window.height", stage.getHeight());
        settings.putNumber("window.x", stage.getX());
        settings.putNumber("window.y", stage.getY());
    }
}
