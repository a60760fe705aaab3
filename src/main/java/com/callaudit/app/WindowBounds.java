package com.callaudit.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers where the main window was and how big, and puts it back on a visible screen. */
final class WindowBounds {

    private WindowBounds() {
    }

    static void restore(Stage stage, AppSettings settings, double width, double height) {
        double w = settings.number("window.width").orElse(width);
        double h = settings.number("window.height").orElse(height);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(w, screen.getWidth()));
        stage.setHeight(Math.min(h, screen.getHeight()));
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

    static void remember(Stage stage, AppSettings settings) {
        settings.putNumber("window.width", stage.getWidth());
        settings.putNumber("window.height", stage.getHeight());
        settings.putNumber("window.x", stage.getX());
        settings.putNumber("window.y", stage.getY());
    }
}
