package com.callaudit.app;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The look of every CallAudit window: AtlantaFX's Primer Light, made a little denser. */
final class AppTheme {

    private AppTheme() {
    }

    static void install() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    static Scene styled(Scene scene) {
        scene.getStylesheets().add(AppTheme.class.getResource("callaudit.css")
                .toExternalForm());
        return scene;
    }
}
