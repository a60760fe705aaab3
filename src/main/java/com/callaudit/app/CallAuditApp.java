package com.callaudit.app;

import com.callaudit.api.MediaFormat;
import com.callaudit.api.RecordingPage;
import com.callaudit.api.RecordingsClient;
import com.callaudit.media.MediaRelay;
import com.callaudit.media.PlayabilityProbe;
import com.callaudit.ui.AfterNextFrame;
import com.callaudit.ui.recordings.RecordingsModel;
import com.callaudit.ui.signin.SignInModel;
import com.callaudit.ui.signin.SignInView;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: shows the sign-in form, then the main window on the space the
 * user signed in to. Owns the background threads, the client and the built-in demo
 * space, and releases them on exit.
 *
 * <p>Start-up paints the sign-in form first: {@link #init()} builds the form off the FX
 * thread while the FX thread reads the theme, and what only the main window needs (the
 * media relay, the window icons, the demo space for {@code --demo}, and the main window
 * itself, built while the user reads the form) starts once the form's first frame is
 * out.
 */
public final class CallAuditApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(CallAuditApp.class);
    // The main window is built ahead once the form is up and the user reads it.
    private static final Duration BEFORE_PREPARING_MAIN_WINDOW = Duration.millis(300);
    // The MP3 check plays a tone: it waits a second after the window shows, so that it
    // does not compete with the first rows for the processor.
    private static final Duration BEFORE_PROBING = Duration.seconds(1);

    private LaunchOptions options;
    private AppSettings settings;
    private BackgroundWork work;
    private BuiltInDemo demo;
    private SignInModel signIn;
    private SignInView signInForm;
    private Parent signInView;
    private CompletableFuture<MediaRelay> relay;
    private Stage stage;
    private RecordingsClient client;
    private MainWindow mainWindow;
    // Built while the form waits for the user; shown once the space accepts them.
    private MainWindow prepared;
    private Future<RecordingPage> firstPage;
    private PauseTransition beforeProbing;

    /** Used by {@link Application#launch}: options come from the command line. */
    public CallAuditApp() {
    }

    /** Used by tests, which start the app with options of their own. */
    public CallAuditApp(LaunchOptions options) {
        this.options = options;
    }

    /**
     * Runs off the FX thread before {@link #start}: reads the settings and builds the
     * sign-in form (nodes may be built on any thread until their scene is showing).
     */
    @Override
    public void init() {
        if (options == null) {
            options = LaunchOptions.parse(getParameters().getRaw());
        }
        // Off the FX thread this only queues the stylesheet for the FX thread to read,
        // which it does while this thread builds the form.
        AppTheme.install();
        settings = AppSettings.load();
        work = new BackgroundWork();
        demo = new BuiltInDemo(options.syntheticRecordings(), options.longRecordings());
        signIn = new SignInModel(work, settings, demo, new SignInFlow());
        signInForm = new SignInView(signIn);
        signInView = signInForm.createView();
    }

    @Override
    public void start(Stage stage) {
        if (settings == null) {
            init();
        }
        FxThreadErrors.install();
        this.stage = stage;
        stage.setTitle("CallAudit — Sign in");
        Scene scene = AppTheme.styled(new Scene(signInView));
        stage.setScene(scene);
        if (FirstFrame.requested()) {
            FirstFrame.reportOnce(scene);
        }
        AfterNextFrame.run(scene, this::afterSignInPainted);
        stage.show();
    }

    /** The main window once signed in, else null; for tests. */
    public MainWindow mainWindow() {
        return mainWindow;
    }

    /** The main window built ahead while the form waits, until it is shown; for tests. */
    MainWindow preparedWindow() {
        return prepared;
    }

    private void afterSignInPainted() {
        relay();
        loadIcons();
        signInForm.finish();
        prepared = new MainWindow(work, settings);
        prepared.prepareInSteps(BEFORE_PREPARING_MAIN_WINDOW);
        if (options.demo()) {
            signIn.useDemoSpace();
        }
    }

    // The relay once it has started; null while it starts or when it failed, which
    // openMainWindow then tells the user about.
    private MediaRelay relayIfStarted() {
        CompletableFuture<MediaRelay> starting = relay();
        return starting.isDone() && !starting.isCompletedExceptionally()
                ? starting.join() : null;
    }

    // The relay is first needed by the main window's player; it starts in the
    // background once, and the main window waits for it if it has to.
    private CompletableFuture<MediaRelay> relay() {
        if (relay == null) {
            relay = new CompletableFuture<>();
            CompletableFuture<MediaRelay> starting = relay;
            work.run(() -> {
                try {
                    starting.complete(MediaRelay.start());
                } catch (IOException | RuntimeException e) {
                    starting.completeExceptionally(e);
                }
            });
        }
        return relay;
    }

    private void loadIcons() {
        work.run(() -> {
            List<Image> icons = Stream.of(32, 64, 256)
                    .map(size -> new Image(CallAuditApp.class.getResource(
                            "icon/callaudit-" + size + ".png").toExternalForm()))
                    .toList();
            Platform.runLater(() -> stage.getIcons().setAll(icons));
        });
    }

    /**
     * Sign-in's check and the main window's first page overlap: while the space is asked
     * whether it accepts the credentials, the first page of recordings is asked for too.
     * A refusal throws the page away; the window, built ahead, waits for the next try.
     */
    // The first sign-in in a fresh JVM takes a few tenths of a second longer while the
    // HTTP client's classes load: nothing uses them while the form waits.
    private final class SignInFlow implements SignInModel.Listener {

        @Override
        public void checking(RecordingsClient checked) {
            CompletableFuture<RecordingPage> page = firstPageOf(checked);
            Platform.runLater(() -> firstPage = page);
        }

        @Override
        public void signedIn(RecordingsClient accepted) {
            openMainWindow(accepted);
        }

        @Override
        public void refused(RecordingsClient refused) {
            firstPage = null;
        }
    }

    // Same credentials, same host as the check: nothing is sent that sign-in would not
    // send a moment later anyway.
    private CompletableFuture<RecordingPage> firstPageOf(RecordingsClient checked) {
        CompletableFuture<RecordingPage> page = new CompletableFuture<>();
        work.run(() -> {
            try {
                page.complete(checked.list(RecordingsModel.firstQuery()));
            } catch (Exception e) {
                page.completeExceptionally(e);
            }
        });
        return page;
    }

    private void openMainWindow(RecordingsClient signedIn) {
        client = signedIn;
        MediaRelay ready = relayIfStarted();
        if (ready != null) {
            showMainWindow(ready);
            return;
        }
        relay().whenComplete((started, failure) -> Platform.runLater(() -> {
            if (failure == null) {
                showMainWindow(started);
            } else {
                // Without the relay nothing could play, so the app says why and ends.
                LOG.error("The local media relay could not start: {}",
                        failure.getMessage());
                Alert alert = new Alert(Alert.AlertType.ERROR, "CallAudit could not "
                        + "start its local audio relay on this computer, so it cannot "
                        + "play recordings, and it will close. The reason given: "
                        + failure.getMessage(), ButtonType.CLOSE);
                alert.setHeaderText("Audio cannot be played here");
                alert.initOwner(stage);
                alert.showAndWait();
                Platform.exit();
            }
        }));
    }

    private void showMainWindow(MediaRelay started) {
        mainWindow = prepared != null ? prepared : new MainWindow(work, settings);
        prepared = null;
        mainWindow.connect(client, started);
        Future<RecordingPage> page = firstPage;
        firstPage = null;
        mainWindow.show(stage, page);
        MainWindow window = mainWindow;
        beforeProbing = new PauseTransition(BEFORE_PROBING);
        beforeProbing.setOnFinished(event -> probeMp3(window, started));
        beforeProbing.play();
    }

    // MP3 needs ffmpeg's libraries, which not every Linux has; the probe finds out by
    // playing a short tone, so the player never offers what cannot play. It also finds a
    // missing sound device before the user meets it.
    private void probeMp3(MainWindow window, MediaRelay started) {
        work.run(() -> {
            try {
                PlayabilityProbe.Report report = new PlayabilityProbe(started, work.mediaLane())
                        .run(java.time.Duration.ofSeconds(10));
                boolean mp3 = report.isPlayable(MediaFormat.MP3);
                boolean noSoundDevice = report.soundDeviceMissing();
                Platform.runLater(() -> {
                    if (noSoundDevice) {
                        // MP3 was not tried, so nothing is known of it.
                        window.player().setSoundDeviceMissing();
                    } else {
                        window.player().setMp3Available(mp3);
                    }
                });
            } catch (IOException e) {
                LOG.warn("Could not check whether MP3 plays here: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void stop() {
        if (beforeProbing != null) {
            beforeProbing.stop();
        }
        if (mainWindow != null) {
            mainWindow.close();
        }
        if (prepared != null) {
            prepared.close();
        }
        if (client != null) {
            client.close();
        }
        work.shutdown();
        if (relay != null) {
            // Closes it now, or as soon as a start still under way ends.
            relay.thenAccept(MediaRelay::close);
        }
        demo.close();
    }
}
