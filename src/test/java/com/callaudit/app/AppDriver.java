package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.Recording;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts CallAudit in the headless toolkit for a test and drives it as a user would,
 * with a few ways to read what the window shows. Every wait is bounded.
 */
final class AppDriver extends FxRobot {

    private static final long PATIENCE_SECONDS = 20;

    private CallAuditApp app;
    private Stage stage;

    void start(LaunchOptions options) throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        AppSettings.load().clear();
        app = (CallAuditApp) FxToolkit.setupApplication(() -> new CallAuditApp(options));
    }

    void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    CallAuditApp app() {
        return app;
    }

    Stage stage() {
        return stage;
    }

    /** Types into a field after clearing it, through the keyboard. */
    void typeInto(String query, String text) {
        clickOn(query);
        TextInputControl field = lookup(query).queryTextInputControl();
        interact(field::clear);
        write(text);
    }

    void signIn(String space, String projectId, String token) {
        typeInto("#space", space);
        typeInto("#projectId", projectId);
        typeInto("#token", token);
        clickOn("#signIn");
    }

    @SuppressWarnings("unchecked")
    TableView<Recording> table() {
        return (TableView<Recording>) lookup("#recordingsTable").query();
    }

    void awaitMainWindow() {
        await(() -> app.mainWindow() != null && lookup("#recordingsTable").tryQuery()
                .isPresent());
    }

    void awaitRows(int atLeast) {
        awaitMainWindow();
        await(() -> table().getItems().size() >= atLeast);
    }

    String text(String query) {
        Node node = lookup(query).query();
        return node instanceof javafx.scene.control.Labeled labeled ? labeled.getText()
                : lookup(query).queryTextInputControl().getText();
    }

    void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () ->
                    WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not reach the expected state in "
                    + PATIENCE_SECONDS + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    void assertFxThreadFree() {
        assertThat(WaitForAsyncUtils.asyncFx(() -> true)).succeedsWithin(
                java.time.Duration.ofSeconds(5));
    }
}
