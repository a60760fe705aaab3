package com.callaudit.app;

import com.callaudit.api.RecordingsClient;
import com.callaudit.demo.DemoSpace;
import com.callaudit.ui.signin.SignInModel;
import com.callaudit.ui.signin.SignInView;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: shows the sign-in form, then the main window on the space the
 * user signed in to. Owns the background threads, the client and the built-in demo
 * space, and releases them on exit.
 */
public final class CallAuditApp extends Application {

    private LaunchOptions options;
    private AppSettings settings;
    private BackgroundWork work;
    private BuiltInDemo demo;
    private RecordingsClient client;
    private MainWindow mainWindow;

    /** Used by {@link Application#launch}: options come from the command line. */
    public CallAuditApp() {
    }

    /** Used by tests, which start the app with options of their own. */
    public CallAuditApp(LaunchOptions options) {
        this.options = options;
    }

    @Override
    public void init() {
        if (options == null) {
            options = LaunchOptions.parse(getParameters().getRaw());
        }
        settings = AppSettings.load();
        work = new BackgroundWork();
        demo = new BuiltInDemo(new DemoSpace.Config()
                .syntheticRecordings(options.syntheticRecordings())
                .longRecordings(options.longRecordings()));
    }

    @Override
    public void start(Stage stage) {
        if (settings == null) {
            init();
        }
        AppTheme.install();
        SignInModel signIn = new SignInModel(work, settings, demo,
                signedIn -> openMainWindow(stage, signedIn));
        stage.setTitle("CallAudit — Sign in");
        stage.setScene(AppTheme.styled(new Scene(new SignInView(signIn).createView())));
        if (FirstFrame.requested()) {
            FirstFrame.reportOnce(stage.getScene());
        }
        stage.show();
        if (options.demo()) {
            signIn.useDemoSpace();
        }
    }

    /** The main window once signed in, else null; for tests. */
    public MainWindow mainWindow() {
        return mainWindow;
    }

    private void openMainWindow(Stage stage, RecordingsClient signedIn) {
        client = signedIn;
        mainWindow = new MainWindow(work, signedIn, settings);
        mainWindow.show(stage);
    }

    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
        work.shutdown();
        demo.close();
    }
}
