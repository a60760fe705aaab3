package com.callaudit.app;

import atlantafx.base.theme.Styles;
import com.callaudit.api.MediaFormat;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingPage;
import com.callaudit.api.RecordingsClient;
import com.callaudit.media.MediaRelay;
import com.callaudit.ui.AfterNextFrame;
import com.callaudit.ui.player.PlaybackStatus;
import com.callaudit.ui.player.PlayerModel;
import com.callaudit.ui.player.PlayerView;
import com.callaudit.ui.properties.PropertiesModel;
import com.callaudit.ui.properties.PropertiesView;
import com.callaudit.ui.recordings.RecordingsModel;
import com.callaudit.ui.recordings.RecordingsView;
import java.util.concurrent.Future;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The main window after sign-in: the recordings list beside the property pane, a status
 * bar below, and the keyboard shortcuts that make review possible without a mouse.
 */
public final class MainWindow {

    private static final String DIVIDER = "window.divider";
    private static final String FORMAT = "player.format";
    // Arrow keys run through rows faster than audio can be fetched. A selection made after
    // a rest loads at once; those that follow it within this time wait until the keys rest.
    private static final Duration SETTLE = Duration.millis(150);
    // After the first page is in: long enough for its frame and the window's own start.
    private static final Duration BEFORE_PREPARING_ROWS = Duration.millis(300);

    private final RecordingsModel recordings;
    private final PropertiesModel properties;
    private final PlayerModel player;
    private final PauseTransition settleBeforeLoading = new PauseTransition(SETTLE);
    private final PauseTransition beforePreparingRows =
            new PauseTransition(BEFORE_PREPARING_ROWS);
    private final RecordingsView recordingsView;
    private final RecordingsClient client;
    private final AppSettings settings;
    private PropertiesView propertiesView;
    private SplitPane split;
    private Scene scene;

    public MainWindow(BackgroundWork work, RecordingsClient client, MediaRelay relay,
            AppSettings settings) {
        this.client = client;
        this.settings = settings;
        this.recordings = new RecordingsModel(work, client);
        this.properties = new PropertiesModel(work, client);
        this.player = new PlayerModel(work, relay, client);
        this.recordingsView = new RecordingsView(recordings);
        player.preferredFormatProperty().set(preferredFormat(settings));
        player.preferredFormatProperty().addListener((obs, was, now) -> {
            settings.putText(FORMAT, now.name());
            reloadPlayerIfIdle();
        });
    }

    public PlayerModel player() {
        return player;
    }

    /** Stops playback and releases the player; call when the window closes. */
    public void close() {
        settleBeforeLoading.stop();
        beforePreparingRows.stop();
        player.close();
    }

    public RecordingsModel recordings() {
        return recordings;
    }

    public PropertiesModel properties() {
        return properties;
    }

    /** The space this window lists. */
    RecordingsClient client() {
        return client;
    }

    /**
     * Builds the window without showing it, so that it is ready the moment it is
     * needed; sign-in calls this while its check is under way. Call on the FX thread;
     * {@link #show} does it if it was not done.
     */
    public void prepare() {
        if (scene == null) {
            scene = AppTheme.styled(new Scene(createView()));
            addShortcuts(scene);
        }
    }

    /** As {@link #prepare()}, and applies the styles too, which the first frame needs. */
    public void prepareStyles() {
        prepare();
        scene.getRoot().applyCss();
    }

    /** Puts the main window in the stage and starts loading the first page. */
    public void show(Stage stage) {
        show(stage, null);
    }

    /**
     * As {@link #show(Stage)}, taking the first page from {@code firstPage} when sign-in
     * already asked for it (null: ask now).
     */
    public void show(Stage stage, Future<RecordingPage> firstPage) {
        // The first page is on its way while the window is built, not after.
        if (firstPage != null) {
            recordings.refresh(firstPage);
        } else {
            recordings.refresh();
        }
        prepare();
        stage.setTitle("CallAudit — " + client.space().displayName());
        WindowBounds.restore(stage, settings, 1280, 760);
        stage.setScene(scene);
        stage.show();
        stage.setOnHiding(event -> remember(stage));
        recordingsView.table().requestFocus();
        AfterNextFrame.run(scene, this::prepareRowsOnceListed);
    }

    // The property pane makes its rows a moment after the first page is in, so that
    // work neither delays the first rows nor shares a frame with them.
    private void prepareRowsOnceListed() {
        beforePreparingRows.setOnFinished(event -> propertiesView.prepareRows());
        if (!recordings.loadingProperty().get()) {
            beforePreparingRows.play();
            return;
        }
        recordings.loadingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> loading, Boolean was,
                    Boolean now) {
                if (!now) {
                    loading.removeListener(this);
                    beforePreparingRows.play();
                }
            }
        });
    }

    private Parent createView() {
        propertiesView = new PropertiesView(properties);
        split = new SplitPane(recordingsView.createView(), propertiesView.createView());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(settings.number(DIVIDER).orElse(0.64));
        recordingsView.selectedRecordingProperty().addListener(
                (obs, was, row) -> selectionChanged(row));
        settleBeforeLoading.setOnFinished(event -> loadSelectedIntoPlayer());

        BorderPane root = new BorderPane(split);
        root.setBottom(new VBox(new PlayerView(player).createView(), createStatusBar()));
        return root;
    }

    private HBox createStatusBar() {
        Label space = new Label(client.space().displayName() + " · project "
                + client.projectId());
        space.setMinWidth(Region.USE_PREF_SIZE);
        space.setId("statusSpace");
        Label count = new Label();
        count.setId("statusCount");
        count.textProperty().bind(recordings.countProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId("statusError");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        error.textProperty().bind(recordings.lastErrorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(error.textProperty()));
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(error.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(480);
        error.setTooltip(whole);

        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(16, space, count, spacer, error);
        bar.setId("statusBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void selectionChanged(Recording row) {
        properties.select(row);
        boolean rested = !settling();
        settleBeforeLoading.playFromStart();
        if (rested) {
            loadSelectedIntoPlayer();
        }
    }

    /** Whether a selection made now would wait for the keys to rest before it loads. */
    public boolean settling() {
        return settleBeforeLoading.getStatus() == Animation.Status.RUNNING;
    }

    private void loadSelectedIntoPlayer() {
        Recording selected = recordingsView.selectedRecordingProperty().get();
        if (selected != player.recordingProperty().get()) {
            player.load(selected);
        }
    }

    private void playSelected() {
        settleBeforeLoading.stop();
        loadSelectedIntoPlayer();
        player.play();
    }

    private void reloadPlayerIfIdle() {
        PlaybackStatus status = player.statusProperty().get();
        if (status != PlaybackStatus.PLAYING && player.recordingProperty().get() != null) {
            player.load(player.recordingProperty().get());
        }
    }

    private static MediaFormat preferredFormat(AppSettings settings) {
        try {
            return MediaFormat.valueOf(settings.text(FORMAT, MediaFormat.WAV.name()));
        } catch (IllegalArgumentException unknown) {
            return MediaFormat.WAV;
        }
    }

    private void addShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::playerKeys);
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (isTyping(scene)) {
                return;
            }
            switch (event.getCharacter()) {
                case "[" -> player.slower();
                case "]" -> player.faster();
                default -> {
                    return;
                }
            }
            event.consume();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F,
                KeyCombination.SHORTCUT_DOWN), recordingsView::focusQuickFilter);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L,
                KeyCombination.SHORTCUT_DOWN), recordingsView::askForRecording);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), recordings::refresh);
    }

    // Space, arrows and Enter drive the player unless the user is typing in a field.
    private void playerKeys(KeyEvent event) {
        Scene scene = recordingsView.table().getScene();
        if (isTyping(scene)) {
            return;
        }
        int jump = event.isShiftDown() ? 10 : 5;
        switch (event.getCode()) {
            case SPACE -> player.togglePlay();
            case LEFT -> player.jump(-jump);
            case RIGHT -> player.jump(jump);
            case ENTER -> {
                if (scene.getFocusOwner() != recordingsView.table()) {
                    return;
                }
                playSelected();
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    private static boolean isTyping(Scene scene) {
        Node focus = scene.getFocusOwner();
        return focus instanceof TextInputControl || focus instanceof ComboBoxBase<?>;
    }

    private void remember(Stage stage) {
        WindowBounds.remember(stage, settings);
        if (split != null && split.getDividerPositions().length > 0) {
            settings.putNumber(DIVIDER, split.getDividerPositions()[0]);
        }
    }
}
