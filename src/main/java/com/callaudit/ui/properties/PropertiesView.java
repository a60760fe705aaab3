package com.callaudit.ui.properties;

import atlantafx.base.theme.Styles;
import com.callaudit.ui.AfterNextFrame;
import com.callaudit.ui.properties.PropertiesModel.PaneState;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The property pane: every key of the selected recording's JSON, formatted for people,
 * the raw JSON, the transcription, and ways to copy any of it.
 */
public final class PropertiesView {

    // More rows than the pane of a maximised full-HD window shows at once; JavaFX makes
    // only those that fit, and a taller pane makes the rest on its first fill.
    private static final int PREPARED_ROWS = 40;

    private final PropertiesModel model;
    private final TreeTableView<PropertyEntry> tree = new TreeTableView<>();
    private Node loaded;
    private boolean rowsMade;

    public PropertiesView(PropertiesModel model) {
        this.model = model;
    }

    public Node createView() {
        StackPane body = new StackPane(createNothingSelected(), createLoading(),
                createFailure(), createLoaded());
        body.setMinWidth(0);
        BorderPane root = new BorderPane(body);
        root.setId("properties");
        root.setMinWidth(260);
        return root;
    }

    private Node createNothingSelected() {
        Label label = new Label("Select a recording to see its metadata.");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        showOnlyIn(label, PaneState.NOTHING_SELECTED);
        return label;
    }

    private Node createLoading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        Label label = new Label("Fetching metadata…");
        VBox box = new VBox(8, spinner, label);
        box.setId("propertiesLoading");
        box.setAlignment(Pos.CENTER);
        showOnlyIn(box, PaneState.LOADING);
        return box;
    }

    private Node createFailure() {
        Label message = new Label();
        message.setId("propertiesError");
        message.setWrapText(true);
        message.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        message.getStyleClass().add(Styles.DANGER);
        message.textProperty().bind(model.errorProperty());
        Button retry = new Button("Retry", new FontIcon(Material2MZ.REFRESH));
        retry.setId("retryProperties");
        retry.setOnAction(event -> model.retry());
        VBox box = new VBox(10, message, retry);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(16));
        showOnlyIn(box, PaneState.FAILED);
        return box;
    }

    private Node createLoaded() {
        TabPane tabs = new TabPane(new Tab("Properties", createTree()),
                new Tab("Raw JSON", createRawJson()), createTranscriptionTab());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("propertyTabs");

        Button copyJson = new Button("Copy JSON", new FontIcon(Material2AL.CONTENT_COPY));
        copyJson.setId("copyJson");
        copyJson.setOnAction(event -> copy(model.rawJsonProperty().get()));
        Button copyValue = new Button("Copy value");
        copyValue.setId("copyValue");
        copyValue.disableProperty().bind(tree.getSelectionModel().selectedItemProperty()
                .isNull());
        copyValue.setOnAction(event -> copySelectedValue());
        Label title = new Label();
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(model.recordingProperty().map(r -> r.sid()).orElse(""));
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, copyValue, copyJson);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        bar.getStyleClass().add("toolbar");
        keepLabelsWhole(bar);
        title.setMinWidth(0);

        BorderPane pane = new BorderPane(tabs);
        pane.setTop(bar);
        pane.setId("propertiesShown");
        showOnlyIn(pane, PaneState.LOADED);
        loaded = pane;
        return pane;
    }

    /**
     * Makes the tree's rows and cells ahead of the first selection, unseen. JavaFX lays
     * out the pane and makes a tree's rows the first time it shows them, which held the
     * window's repaint for 100–350 ms on the first selection of a session; done ahead,
     * the first real fill reuses them. This is the way for a window already showing:
     * one frame while nothing is selected. Call on the FX thread once the window is
     * showing and the user is not likely to be busy; does nothing if the rows are made.
     */
    // Shortcoming: that first layout still holds the FX thread, for 20–190 ms on this
    // machine; it is only moved to a moment when no selection waits for it.
    public void prepareRows() {
        Scene scene = loaded.getScene();
        if (rowsMade || scene == null || scene.getWindow() == null
                || !scene.getWindow().isShowing()
                || model.stateProperty().get() != PaneState.NOTHING_SELECTED) {
            return;
        }
        // Shown, so JavaFX lays it out, but drawn as nothing and not clickable; left
        // unmanaged and sized by hand, so the window around it is not laid out again.
        // For that one frame a Tab key could move the focus into it, unseen.
        loaded.visibleProperty().unbind();
        loaded.managedProperty().unbind();
        loaded.setManaged(false);
        loaded.setOpacity(0);
        loaded.setMouseTransparent(true);
        loaded.setVisible(true);
        Bounds area = loaded.getParent().getLayoutBounds();
        loaded.resize(area.getWidth(), area.getHeight());
        TreeItem<PropertyEntry> placeholder = fillWithPlaceholders();
        AfterNextFrame.run(scene, () -> {
            endPreparing(placeholder);
            loaded.setOpacity(1);
            loaded.setMouseTransparent(false);
        });
    }

    /**
     * As {@link #prepareRows()}, for a window not shown yet: shows placeholder rows until
     * the returned action takes them away, for the window's layouts meanwhile to make
     * the tree's rows. Nothing to do (an action that does nothing) if they are made.
     */
    public Runnable showPlaceholderRows() {
        if (rowsMade || model.stateProperty().get() != PaneState.NOTHING_SELECTED) {
            return () -> { };
        }
        loaded.visibleProperty().unbind();
        loaded.managedProperty().unbind();
        loaded.setVisible(true);
        loaded.setManaged(true);
        TreeItem<PropertyEntry> placeholder = fillWithPlaceholders();
        return () -> endPreparing(placeholder);
    }

    private TreeItem<PropertyEntry> fillWithPlaceholders() {
        rowsMade = true;
        TreeItem<PropertyEntry> placeholder = new TreeItem<>();
        for (int row = 0; row < PREPARED_ROWS; row++) {
            placeholder.getChildren().add(new TreeItem<>(new PropertyEntry("key " + row,
                    "value " + row, "", List.of())));
        }
        tree.setRoot(placeholder);
        return placeholder;
    }

    // A selection meanwhile has put its own root in; the pane then shows that as usual.
    private void endPreparing(TreeItem<PropertyEntry> placeholder) {
        if (tree.getRoot() == placeholder) {
            tree.setRoot(null);
        }
        showOnlyIn(loaded, PaneState.LOADED);
    }

    private TreeTableView<PropertyEntry> createTree() {
        tree.setId("propertyTree");
        tree.getStyleClass().add(Styles.DENSE);
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<PropertyEntry, String> key = new TreeTableColumn<>("Key");
        key.setPrefWidth(150);
        key.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue().key()));
        TreeTableColumn<PropertyEntry, String> value = new TreeTableColumn<>("Value");
        value.setPrefWidth(300);
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue().shown()));
        value.setCellFactory(column -> new ValueCell());
        tree.getColumns().add(key);
        tree.getColumns().add(value);

        MenuItem copy = new MenuItem("Copy value", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setOnAction(event -> copySelectedValue());
        tree.setContextMenu(new ContextMenu(copy));
        tree.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (KeyCombination.keyCombination("Shortcut+C").match(event)) {
                copySelectedValue();
                event.consume();
            }
        });
        model.entries().addListener((javafx.collections.ListChangeListener<PropertyEntry>)
                change -> tree.setRoot(treeOf(model.entries())));
        return tree;
    }

    private TextArea createRawJson() {
        TextArea raw = new TextArea();
        raw.setId("rawJson");
        raw.setEditable(false);
        raw.getStyleClass().add("raw-json");
        raw.textProperty().bind(model.rawJsonProperty());
        return raw;
    }

    private Tab createTranscriptionTab() {
        TextArea text = new TextArea();
        text.setId("transcription");
        text.setEditable(false);
        text.setWrapText(true);
        text.textProperty().bind(model.transcriptionProperty().map(value ->
                value.isEmpty() ? "This recording has no transcription." : value));
        Tab tab = new Tab("Transcription", text);
        tab.setId("transcriptionTab");
        return tab;
    }

    private static TreeItem<PropertyEntry> treeOf(List<PropertyEntry> entries) {
        TreeItem<PropertyEntry> root = new TreeItem<>(new PropertyEntry("", "", "",
                entries));
        addChildren(root, entries);
        return root;
    }

    private static void addChildren(TreeItem<PropertyEntry> parent,
            List<PropertyEntry> entries) {
        for (PropertyEntry entry : entries) {
            TreeItem<PropertyEntry> item = new TreeItem<>(entry);
            item.setExpanded(true);
            addChildren(item, entry.children());
            parent.getChildren().add(item);
        }
    }

    private void copySelectedValue() {
        TreeItem<PropertyEntry> item = tree.getSelectionModel().getSelectedItem();
        if (item != null) {
            copy(item.getValue().raw());
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A value with its whole text in a tooltip, as dates and URIs rarely fit. */
    private static final class ValueCell extends TreeTableCell<PropertyEntry, String> {
        private static final int LONG = 30;

        // A Tooltip is a small window of its own and costly to make: making one per long
        // value on every fill froze the window on the first selection. One is made when
        // the pointer first comes to a long value, and then only its text changes.
        ValueCell() {
            addEventHandler(MouseEvent.MOUSE_ENTERED, event -> offerWholeText());
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            if (getTooltip() != null) {
                offerWholeText();
            }
        }

        private void offerWholeText() {
            String text = getText();
            if (text == null || text.length() < LONG) {
                setTooltip(null);
            } else if (getTooltip() == null) {
                setTooltip(new Tooltip(text));
            } else {
                getTooltip().setText(text);
            }
        }
    }

    private void showOnlyIn(Node node, PaneState shownState) {
        node.visibleProperty().bind(model.stateProperty().isEqualTo(shownState));
        node.managedProperty().bind(node.visibleProperty());
    }

    // Buttons and counts keep their whole text; only the spacer and fields give way.
    private static void keepLabelsWhole(HBox bar) {
        bar.getChildren().forEach(child -> {
            if (child instanceof javafx.scene.control.Labeled labeled) {
                labeled.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
    }
}
