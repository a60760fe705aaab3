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
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Future;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Dimension2D;
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
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 760;
    // Arrow keys run through rows faster than audio can be fetched. A selection made after
    // a rest loads at once; those that follow it within this time wait until the keys rest.
    private static final Duration SETTLE = Duration.millis(150);
    // After the first page is in: long enough for its frame and the window's own start.
    private static final Duration BEFORE_PREPARING_ROWS = Duration.millis(300);
    // Between the steps of building the window ahead: a frame or two, for keys typed.
    private static final Duration BETWEEN_STEPS = Duration.millis(40);
    // More rows than the table of a maximised full-HD window shows at once.
    private static final int PREPARED_ROWS = 40;

    private final RecordingsModel recordings;
    private final PropertiesModel properties;
    private final PlayerModel player;
    private final PauseTransition settleBeforeLoading = new PauseTransition(SETTLE);
    private final PauseTransition beforePreparingRows =
            new PauseTransition(BEFORE_PREPARING_ROWS);
    private final PauseTransition nextStep = new PauseTransition();
    private final RecordingsView recordingsView;
    private final StringProperty spaceName = new SimpleStringProperty("");
    private final AppSettings settings;
    private RecordingsClient client;
    private Runnable removePlaceholders;
    private boolean preparedAhead;
    private PropertiesView propertiesView;
    private SplitPane split;
    private Scene scene;

    /**
     * A window for the space that {@link #connect} names later, so that it can be built
     * while the user is still signing in.
     */
    public MainWindow(BackgroundWork work, AppSettings settings) {
        this.settings = settings;
        this.recordings = new RecordingsModel(work);
        this.properties = new PropertiesModel(work);
        this.player = new PlayerModel(work);
        this.recordingsView = new RecordingsView(recordings);
        player.preferredFormatProperty().set(preferredFormat(settings));
        player.preferredFormatProperty().addListener((obs, was, now) -> {
            settings.putText(FORMAT, now.name());
            reloadPlayerIfIdle();
        });
    }

    /** The space signed in to, and the relay that plays its media; call once, before show. */
    public void connect(RecordingsClient space, MediaRelay relay) {
        client = space;
        recordings.connect(space);
        properties.connect(space);
        player.connect(relay, space);
        spaceName.set(space.space().displayName() + " · project " + space.projectId());
    }

    public PlayerModel player() {
        return player;
    }

    /** Stops playback and releases the player; call when the window closes. */
    public void close() {
        nextStep.stop();
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

    // Builds the window without showing it; show() does it if it was not done.
    private void prepare() {
        if (scene == null) {
            scene = AppTheme.styled(new Scene(createView()));
            addShortcuts(scene);
        }
    }

    private void applyStyles() {
        scene.getRoot().applyCss();
    }

    /**
     * Builds the window ahead, a step at a time with a pause between steps, starting
     * {@code after} from now: the nodes, their styles, then a layout at the window's
     * size with placeholder rows in the table and the property pane, so that the first
     * page and the first selection reuse rows already made. Sign-in calls this while the
     * form waits for the user. {@link #show} stops it, builds the nodes if that step had
     * not run and takes away placeholders left by a step half done; the first frames do
     * the rest.
     */
    // Shortcoming: each step holds the FX thread while it runs, 10–100 ms on this
    // machine and up to 0.4 s in a fresh JVM while the classes load, so a key typed in
    // the sign-in form just then shows that much later (it is not lost).
    public void prepareInSteps(Duration after) {
        Iterator<Runnable> steps = preparationSteps().iterator();
        nextStep.setDuration(after);
        nextStep.setOnFinished(event -> {
            steps.next().run();
            if (steps.hasNext()) {
                nextStep.setDuration(BETWEEN_STEPS);
                nextStep.playFromStart();
            } else {
                preparedAhead = true;
            }
        });
        nextStep.playFromStart();
    }

    /** The steps of {@link #prepareInSteps}, in order; for tests that stop half-way. */
    List<Runnable> preparationSteps() {
        return List.of(this::prepare, this::applyStyles,
                () -> startMakingRows(recordingsView.showPlaceholderRows(PREPARED_ROWS)),
                this::finishMakingRows,
                () -> startMakingRows(propertiesView.showPlaceholderRows()),
                this::finishMakingRows);
    }

    /** Whether every step of {@link #prepareInSteps} has run; for tests. */
    boolean preparedAhead() {
        return preparedAhead;
    }

    /** The window's scene once built, else null; for tests. */
    Scene scene() {
        return scene;
    }

    // The layouts run by hand, as the scene has no window to run them yet. The first
    // makes the rows the placeholders need; the second styles them and lays them out at
    // their real size, then the placeholders go.
    private void startMakingRows(Runnable placeholdersRemoval) {
        removePlaceholders = placeholdersRemoval;
        Parent root = scene.getRoot();
        Dimension2D size = WindowBounds.size(settings, WIDTH, HEIGHT);
        root.resize(size.getWidth(), size.getHeight());
        root.applyCss();
        root.layout();
    }

    private void finishMakingRows() {
        Parent root = scene.getRoot();
        root.applyCss();
        root.layout();
        removePlaceholders.run();
        removePlaceholders = null;
        root.layout();
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
        if (client == null) {
            throw new IllegalStateException("no space to show: connect first");
        }
        nextStep.stop();
        if (removePlaceholders != null) {
            removePlaceholders.run();
            removePlaceholders = null;
        }
        // The first page is on its way while the window is built, not after.
        if (firstPage != null) {
            recordings.refresh(firstPage);
        } else {
            recordings.refresh();
        }
        prepare();
        stage.setTitle("CallAudit — " + client.space().displayName());
        WindowBounds.restore(stage, settings, WIDTH, HEIGHT);
        stage.setScene(scene);
        stage.show();
        stage.setOnHiding(event -> remember(stage));
        recordingsView.table().requestFocus();
        AfterNextFrame.run(scene, this::prepareRowsOnceListed);
    }

    // A window shown before it was built ahead (a sign-in quicker than that) has its
    // property pane make its rows a moment after the first page is in, so that work
    // neither delays the first rows nor shares a frame with them.
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
        Label space = new Label();
        space.textProperty().bind(spaceName);
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
            case SPACE -> {
                // A selection still waiting for the keys to rest is loaded first, so
                // that Space acts on the row the user sees selected.
                if (settling()) {
                    settleBeforeLoading.stop();
                    loadSelectedIntoPlayer();
                }
                player.togglePlay();
            }
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
