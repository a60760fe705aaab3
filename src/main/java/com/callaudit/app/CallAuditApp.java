package com.callaudit.app;

import com.callaudit.api.MediaFormat;
import com.callaudit.api.RecordingsClient;
import com.callaudit.media.MediaRelay;
import com.callaudit.media.PlayabilityProbe;
import com.callaudit.demo.DemoSpace;
import com.callaudit.ui.signin.SignInModel;
import com.callaudit.ui.signin.SignInView;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Application;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: shows the sign-in form, then the main window on the space the
 * user signed in to. Owns the background threads, the client and the built-in demo
 * space, and releases them on exit.
 */
public final class CallAuditApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(CallAuditApp.class);

    private LaunchOptions options;
    private AppSettings settings;
    private BackgroundWork work;
    private BuiltInDemo demo;
    private MediaRelay relay;
    private RecordingsClient client;
    private MainWindow mainWindow;
    private List<Image> icons = List.of();

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
        relay = startRelay();
        icons = Stream.of(32, 64, 256)
                .map(size -> new Image(CallAuditApp.class.getResource(
                        "icon/callaudit-" + size + ".png").toExternalForm()))
                .toList();
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
        stage.getIcons().setAll(icons);
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
        mainWindow = new MainWindow(work, signedIn, relay, settings);
        mainWindow.show(stage);
        probeMp3(mainWindow);
    }

    // MP3 needs ffmpeg's libraries, which not every Linux has; the probe finds out by
    // playing a short tone, so the player never offers what cannot play.
    private void probeMp3(MainWindow window) {
        work.run(() -> {
            try {
                PlayabilityProbe.Report report = new PlayabilityProbe(relay)
                        .run(java.time.Duration.ofSeconds(10));
                boolean mp3 = report.isPlayable(MediaFormat.MP3);
                Platform.runLater(() -> window.player().setMp3Available(mp3));
            } catch (IOException e) {
                LOG.warn("Could not check whether MP3 plays here: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static MediaRelay startRelay() {
        try {
            return MediaRelay.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The local media relay could not start", e);
        }
    }

    @Override
    public void stop() {
        if (mainWindow != null) {
            mainWindow.close();
        }
        if (client != null) {
            client.close();
        }
        work.shutdown();
        relay.close();
        demo.close();
    }
}
