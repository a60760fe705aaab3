package com.callaudit.ui.player;

import atlantafx.base.theme.Styles;
import com.callaudit.api.MediaFormat;
import com.callaudit.ui.Formats;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The player bar under the list: transport, a seek bar that shows what is fetched,
 * time, speed, volume, the leg to hear on dual-channel calls, format and saving.
 */
public final class PlayerView {

    private final PlayerModel model;
    private final Slider seekBar = new Slider(0, 1, 0);
    private boolean draggingSeekBar;

    public PlayerView(PlayerModel model) {
        this.model = model;
    }

    public Node createView() {
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The transport binds its own buttons: Play alone stays on without a sound device.
        HBox transport = createTransport();
        // The format also picks what Save audio as… writes.
        ComboBox<MediaFormat> format = createFormat();
        HBox save = createSave();
        format.disableProperty().bind(nothingToSave());
        save.disableProperty().bind(nothingToSave());
        HBox controls = new HBox(8, transport, createSpeed(), createVolume(), spacer,
                createChannel(), format, save);
        controls.setAlignment(Pos.CENTER_LEFT);
        // On a narrow window the spacer gives way; the bar never widens the window.
        controls.setMinWidth(0);
        HBox seek = createSeek();
        seek.disableProperty().bind(unplayable());
        controls.getChildren().stream()
                .filter(node -> node != spacer && node != transport && node != format
                        && node != save)
                .forEach(node -> node.disableProperty().bind(unplayable()));

        VBox root = new VBox(6, seek, controls, createMessages());
        root.setId("player");
        root.setPadding(new Insets(8));
        root.getStyleClass().add("player-bar");
        root.setMinWidth(0);
        return root;
    }

    private BooleanBinding unplayable() {
        return Bindings.createBooleanBinding(() -> switch (model.statusProperty().get()) {
            case EMPTY, UNAVAILABLE, FAILED, NO_SOUND_DEVICE -> true;
            default -> false;
        }, model.statusProperty());
    }

    // Audio that cannot be heard here, for want of a sound device or a decoder, can still
    // be saved and heard elsewhere.
    private BooleanBinding nothingToSave() {
        return Bindings.createBooleanBinding(() -> switch (model.statusProperty().get()) {
            case EMPTY, UNAVAILABLE -> true;
            default -> false;
        }, model.statusProperty());
    }

    private HBox createTransport() {
        Button play = iconButton("playPause", Material2MZ.PLAY_ARROW, "Play or pause (Space)");
        play.setOnAction(event -> model.togglePlay());
        // One icon whose glyph changes: a new node per status change costs a CSS pass.
        FontIcon playOrPause = (FontIcon) play.getGraphic();
        model.statusProperty().addListener((obs, was, now) -> playOrPause.setIconCode(
                now == PlaybackStatus.PLAYING ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW));
        play.getStyleClass().add(Styles.ACCENT);
        // Play stays on without a sound device: it is how the user tries again.
        play.disableProperty().bind(unplayable().and(
                model.statusProperty().isNotEqualTo(PlaybackStatus.NO_SOUND_DEVICE)));
        Button stop = iconButton("stop", Material2MZ.STOP, "Stop");
        stop.setOnAction(event -> model.stop());
        Button back10 = jumpButton("back10", Material2MZ.REPLAY_10, -10, "Shift+←");
        Button back5 = jumpButton("back5", Material2MZ.REPLAY_5, -5, "←");
        Button forward5 = jumpButton("forward5", Material2AL.FORWARD_5, 5, "→");
        Button forward10 = jumpButton("forward10", Material2AL.FORWARD_10, 10, "Shift+→");
        HBox box = new HBox(4, play, stop, back10, back5, forward5, forward10);
        box.getChildren().stream().filter(node -> node != play)
                .forEach(node -> node.disableProperty().bind(unplayable()));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Button jumpButton(String id, Ikon icon, int seconds, String key) {
        String what = (seconds < 0 ? "Back " : "Forward ") + Math.abs(seconds) + " s (" + key
                + ")";
        Button button = iconButton(id, icon, what);
        button.setOnAction(event -> model.jump(seconds));
        return button;
    }

    private HBox createSeek() {
        Label elapsed = new Label();
        elapsed.setId("elapsed");
        elapsed.textProperty().bind(Bindings.createStringBinding(() ->
                Formats.position(model.currentMillisProperty().get()),
                model.currentMillisProperty()));
        Label total = new Label();
        total.setId("total");
        // The length is rounded, as the space rounds it in the list; the position is not.
        total.textProperty().bind(Bindings.createStringBinding(() ->
                Formats.duration((int) Math.round(model.totalMillisProperty().get() / 1000)),
                model.totalMillisProperty()));
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        total.setMinWidth(Region.USE_PREF_SIZE);

        ProgressBar fetched = new ProgressBar();
        fetched.setId("buffered");
        fetched.progressProperty().bind(model.bufferedProperty());
        fetched.setMaxWidth(Double.MAX_VALUE);
        fetched.setPrefHeight(3);
        fetched.setMaxHeight(3);
        fetched.setMouseTransparent(true);
        fetched.setTooltip(new Tooltip("Fetched from the space"));
        seekBar.setId("seekBar");
        seekBar.maxProperty().bind(model.totalMillisProperty());
        seekBar.setTooltip(new Tooltip("Drag to move; the shaded part is fetched"));
        model.currentMillisProperty().addListener((obs, was, now) -> {
            if (!draggingSeekBar) {
                seekBar.setValue(now.doubleValue());
            }
        });
        // Shortcoming: while the knob is dragged, the elapsed time goes on showing where
        // playback is, not where the knob is, so the user sees the time they chose only
        // once they let go.
        seekBar.setOnMousePressed(event -> draggingSeekBar = true);
        seekBar.setOnMouseReleased(event -> {
            draggingSeekBar = false;
            model.seek(seekBar.getValue());
        });
        seekBar.setMaxWidth(Double.MAX_VALUE);
        VBox track = new VBox(2, seekBar, fetched);
        track.setAlignment(Pos.CENTER);
        HBox.setHgrow(track, Priority.ALWAYS);
        track.setMinWidth(80);

        HBox box = new HBox(6, elapsed, track, total);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private HBox createSpeed() {
        Button slower = new Button("−");
        slower.setId("slower");
        slower.setTooltip(new Tooltip("Slower ([)"));
        slower.setOnAction(event -> model.slower());
        Label speed = new Label();
        speed.setId("speed");
        speed.setMinWidth(44);
        speed.setAlignment(Pos.CENTER);
        speed.textProperty().bind(Bindings.createStringBinding(() ->
                java.math.BigDecimal.valueOf(model.rateProperty().get())
                        .stripTrailingZeros().toPlainString() + "×",
                model.rateProperty()));
        Button faster = new Button("+");
        faster.setId("faster");
        faster.setTooltip(new Tooltip("Faster (])"));
        faster.setOnAction(event -> model.faster());
        HBox box = new HBox(2, slower, speed, faster);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private HBox createVolume() {
        ToggleButton mute = new ToggleButton(null, new FontIcon(Material2MZ.VOLUME_UP));
        mute.setId("mute");
        mute.setTooltip(new Tooltip("Mute"));
        mute.selectedProperty().bindBidirectional(model.mutedProperty());
        mute.selectedProperty().addListener((obs, was, now) -> mute.setGraphic(
                new FontIcon(now ? Material2MZ.VOLUME_OFF : Material2MZ.VOLUME_UP)));
        Slider volume = new Slider(0, 1, 1);
        volume.setId("volume");
        volume.setPrefWidth(80);
        volume.valueProperty().bindBidirectional(model.volumeProperty());
        HBox box = new HBox(4, mute, volume);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private ComboBox<ChannelChoice> createChannel() {
        ComboBox<ChannelChoice> channel = new ComboBox<>();
        channel.setId("channel");
        channel.getItems().setAll(ChannelChoice.values());
        channel.valueProperty().bindBidirectional(model.channelProperty());
        channel.setTooltip(new Tooltip("In a dual-channel recording each leg of the call "
                + "has its own channel"));
        channel.visibleProperty().bind(model.dualChannelProperty());
        channel.managedProperty().bind(channel.visibleProperty());
        channel.setPrefWidth(170);
        channel.setMinWidth(Region.USE_PREF_SIZE);
        return channel;
    }

    private ComboBox<MediaFormat> createFormat() {
        ComboBox<MediaFormat> format = new ComboBox<>();
        format.setId("format");
        format.getItems().setAll(MediaFormat.values());
        format.valueProperty().bindBidirectional(model.preferredFormatProperty());
        format.setTooltip(new Tooltip("Format to fetch; if it cannot play, CallAudit "
                + "tries the other"));
        format.setMinWidth(Region.USE_PREF_SIZE);
        return format;
    }

    private HBox createSave() {
        Button save = iconButton("saveAudio", Material2MZ.SAVE_ALT, "Save audio as…");
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(event -> chooseFileAndSave(save));
        ProgressBar progress = new ProgressBar();
        progress.setId("saveProgress");
        progress.setPrefWidth(70);
        progress.progressProperty().bind(model.saveProgressProperty());
        progress.visibleProperty().bind(model.savingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox box = new HBox(4, save, progress);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void chooseFileAndSave(Node owner) {
        if (model.recordingProperty().get() == null) {
            return;
        }
        MediaFormat format = model.formatToSave();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save audio as");
        chooser.setInitialFileName(model.recordingProperty().get().sid()
                + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                format.name() + " audio", "*" + format.extension()));
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            model.saveAs(file.toPath());
        }
    }

    private Node createMessages() {
        Label message = new Label();
        message.setId("playerMessage");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> String.join("  ",
                        model.reasonProperty().get(), model.noticeProperty().get(),
                        model.saveMessageProperty().get()).strip(),
                model.reasonProperty(), model.noticeProperty(), model.saveMessageProperty()));
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private static Button iconButton(String id, Ikon icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }
}
