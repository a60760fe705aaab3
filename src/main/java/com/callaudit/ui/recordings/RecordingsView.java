package com.callaudit.ui.recordings;

import atlantafx.base.theme.Styles;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingQuery;
import com.callaudit.ui.Formats;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The recordings table with its tool bar: refresh, load all, server filters, the quick
 * filter, and "Open by SID or URL". More rows load as the end of the table comes into view.
 */
public final class RecordingsView {

    // Rows this close to the end of what is loaded ask for the next page.
    private static final int LOAD_AHEAD_ROWS = 20;

    private final RecordingsModel model;
    private final TableView<Recording> table = new TableView<>();
    private final TextField quickFilter = new TextField();
    private final ReadOnlyObjectWrapper<Recording> selectedRecording =
            new ReadOnlyObjectWrapper<>();
    private final Map<TableColumn<Recording, ?>, Comparator<Recording>> rowOrders =
            new HashMap<>();

    public RecordingsView(RecordingsModel model) {
        this.model = model;
    }

    public Node createView() {
        createTable();
        VBox top = new VBox(createToolBar(), createFilterBar(), createNotice());
        BorderPane root = new BorderPane(table);
        root.setTop(top);
        root.setId("recordings");
        return root;
    }

    /** The table, for the window to give it focus and to follow its selection. */
    public TableView<Recording> table() {
        return table;
    }

    /**
     * The recording selected in the table, for the window to follow. Unlike the table's
     * own selected item it does not blink empty while a new order or filter is shown.
     */
    public ReadOnlyObjectProperty<Recording> selectedRecordingProperty() {
        return selectedRecording.getReadOnlyProperty();
    }

    /**
     * Fills the table with {@code count} placeholder rows until the returned action puts
     * the model's rows back: a layout of the window meanwhile, before it shows, makes
     * the table's rows, which the first page then reuses. Call on the FX thread.
     */
    public Runnable showPlaceholderRows(int count) {
        ObservableList<Recording> placeholders = FXCollections.observableArrayList();
        for (int row = 0; row < count; row++) {
            placeholders.add(Recording.fromJson(JsonNodeFactory.instance.objectNode()
                    .put("sid", new UUID(0, row).toString())
                    .put("call_sid", new UUID(1, row).toString())
                    .put("date_created", "Fri, 04 Dec 2026 09:30:00 +0000")
                    .put("duration", "60")
                    .put("channels", 2)
                    .put("status", "completed")
                    .put("source", "RecordVerb")
                    .put("price", "-0.0025")
                    .put("price_unit", "USD")));
        }
        table.setItems(placeholders);
        return () -> table.setItems(model.visibleRows());
    }

    /** Moves the keyboard focus to the quick filter (Ctrl+F). */
    public void focusQuickFilter() {
        quickFilter.requestFocus();
        quickFilter.selectAll();
    }

    /** Asks for a SID or URL and lands on that recording (Ctrl+L). */
    public void askForRecording() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Open recording");
        dialog.setHeaderText("Paste a recording SID, or any URL of a recording "
                + "(API or media).");
        dialog.getEditor().setId("openBySidField");
        dialog.getEditor().setPrefColumnCount(48);
        // The dialog stays open until the text holds a SID, so nothing typed is lost.
        dialog.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK)
                .disableProperty().bind(Bindings.createBooleanBinding(() ->
                        RecordingReference.sidIn(dialog.getEditor().getText()).isEmpty(),
                        dialog.getEditor().textProperty()));
        if (table.getScene() != null) {
            dialog.initOwner(table.getScene().getWindow());
        }
        dialog.showAndWait().filter(text -> !text.isBlank()).ifPresent(model::open);
    }

    private HBox createToolBar() {
        Button refresh = iconButton("refresh", Material2MZ.REFRESH, "Refresh (F5)");
        refresh.setOnAction(event -> model.refresh());

        Button loadAll = new Button("Load all", new FontIcon(Material2AL.DONE_ALL));
        loadAll.setId("loadAll");
        loadAll.disableProperty().bind(model.moreAvailableProperty().not()
                .or(model.loadingAllProperty()));
        loadAll.setOnAction(event -> model.loadAll());

        ProgressBar progress = new ProgressBar();
        progress.setId("loadProgress");
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(model.loadingProperty());
        Button cancel = iconButton("cancelLoading", Material2AL.CLEAR, "Stop loading");
        cancel.visibleProperty().bind(model.loadingProperty());
        cancel.setOnAction(event -> model.cancelLoading());

        Label count = new Label();
        count.setId("recordingCount");
        count.textProperty().bind(model.countProperty());
        Label arranging = arrangingLabel();

        Button open = new Button("Open…", new FontIcon(Material2AL.LINK));
        open.setId("openBySid");
        open.setTooltip(new Tooltip("Open a recording by SID or URL (Ctrl+L)"));
        open.setOnAction(event -> askForRecording());

        quickFilter.setId("quickFilter");
        quickFilter.setPromptText("Quick filter (Ctrl+F)");
        quickFilter.setTooltip(new Tooltip("Narrows the loaded rows by SID, call or "
                + "conference SID, status or source"));
        quickFilter.setPrefColumnCount(16);
        quickFilter.textProperty().bindBidirectional(model.quickFilterProperty());
        quickFilter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                quickFilter.clear();
                table.requestFocus();
            } else if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                moveIntoTable();
                event.consume();
            }
        });

        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, refresh, loadAll, progress, cancel, count, arranging, spacer,
                open, quickFilter);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        bar.getStyleClass().add("toolbar");
        keepLabelsWhole(bar);
        return bar;
    }

    // "Sorting…" or "Filtering…" while the rows are worked out, once that is noticeable.
    private Label arrangingLabel() {
        Label label = new Label();
        label.setId("arrangingRows");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.textProperty().bind(model.arrangingProperty());
        label.setVisible(false);
        PauseTransition noticeable = new PauseTransition(Duration.millis(150));
        noticeable.setOnFinished(event -> label.setVisible(true));
        model.arrangingProperty().addListener((obs, was, now) -> {
            if (now.isEmpty()) {
                noticeable.stop();
                label.setVisible(false);
            } else if (was.isEmpty()) {
                noticeable.playFromStart();
            }
        });
        return label;
    }

    /** From the quick filter into the rows it left, keeping the keyboard in charge. */
    private void moveIntoTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        }
    }

    private Node createFilterBar() {
        DatePicker on = datePicker("createdOn", "On day");
        DatePicker after = datePicker("createdAfter", "After day");
        DatePicker before = datePicker("createdBefore", "Before day");
        TextField callSid = sidField("callSidFilter", "Call SID");
        TextField conferenceSid = sidField("conferenceSidFilter", "Conference SID");

        Button apply = new Button("Apply", new FontIcon(Material2AL.FILTER_LIST));
        apply.setId("applyFilters");
        apply.setOnAction(event -> model.applyQuery(RecordingQuery.all()
                .withCreatedOn(on.getValue())
                .withCreatedAfter(after.getValue())
                .withCreatedBefore(before.getValue())
                .withCallSid(callSid.getText())
                .withConferenceSid(conferenceSid.getText())));
        Button clear = new Button("Clear");
        clear.setId("clearFilters");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(event -> {
            on.setValue(null);
            after.setValue(null);
            before.setValue(null);
            callSid.clear();
            conferenceSid.clear();
            model.applyQuery(RecordingQuery.all());
        });
        callSid.setOnAction(apply.getOnAction());
        conferenceSid.setOnAction(apply.getOnAction());
        for (DatePicker picker : new DatePicker[] {on, after, before}) {
            picker.getEditor().setOnKeyPressed(event -> {
                if (event.getCode() == KeyCode.ENTER) {
                    picker.setValue(picker.getConverter().fromString(
                            picker.getEditor().getText()));
                    apply.fire();
                }
            });
        }

        Label label = new Label("On the space:");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        FlowPane bar = new FlowPane(8, 6, label, on, after, before, callSid, conferenceSid,
                apply, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 8, 8, 8));
        return bar;
    }

    private Node createNotice() {
        Label notice = new Label();
        notice.setId("listNotice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.WARNING);
        notice.textProperty().bind(Bindings.createStringBinding(() ->
                String.join("  ", nonBlank(model.noticeProperty().get()),
                        nonBlank(model.quickFilterScopeProperty().get())).strip(),
                model.noticeProperty(), model.quickFilterScopeProperty()));
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setPadding(new Insets(0, 8, 6, 8));
        return notice;
    }

    private void createTable() {
        table.setId("recordingsTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setPlaceholder(new Label("No recordings to show."));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getColumns().add(dateColumn());
        table.getColumns().add(sortedBy(Comparator.comparingInt(
                Recording::durationSeconds), column("Duration", 80,
                Recording::durationSeconds, Formats::duration, Comparator.naturalOrder())));
        table.getColumns().add(textColumn("Recording SID", 270, Recording::sid));
        table.getColumns().add(textColumn("Call or conference SID", 270,
                row -> row.callSid().or(row::conferenceSid).orElse("")));
        table.getColumns().add(sortedBy(Comparator.comparingInt(Recording::channels),
                column("Channels", 80, Recording::channels, Formats::channels,
                        Comparator.naturalOrder())));
        table.getColumns().add(textColumn("Status", 100, Recording::status));
        table.getColumns().add(textColumn("Source", 150, Recording::source));
        table.getColumns().add(priceColumn());

        // The model sorts off the FX thread: the header's arrow shows the new order at
        // once, the rows follow when it is worked out, and the selection stays.
        table.setItems(model.visibleRows());
        table.setSortPolicy(view -> {
            model.sortBy(rowOrder());
            return true;
        });
        followSelection();
        table.setRowFactory(view -> new LoadingAheadRow());
        table.setContextMenu(createContextMenu());
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (KeyCombination.keyCombination("Shortcut+C").match(event)) {
                copySelected(Recording::sid);
                event.consume();
            }
        });
        model.openedProperty().addListener((obs, was, recording) -> {
            if (recording != null) {
                table.getSelectionModel().select(recording);
                table.scrollTo(recording);
                table.requestFocus();
            }
        });
    }

    // When every shown row is replaced (a new order, a filter, a page merged into a
    // sorted list) the table empties its selection and at once selects the same
    // recording again; the window hears of neither, only of real changes.
    private void followSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (!model.rowsChanging()) {
                selectedRecording.set(row);
            }
        });
        model.visibleRows().addListener((ListChangeListener<Recording>) change ->
                selectedRecording.set(table.getSelectionModel().getSelectedItem()));
        model.arrangingProperty().addListener((obs, was, now) -> {
            if (now.isEmpty()) {
                revealSelected();
            }
        });
    }

    // After a new order or filter the selected row may be far from where it was.
    private void revealSelected() {
        int index = table.getSelectionModel().getSelectedIndex();
        if (index < 0) {
            return;
        }
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            table.scrollTo(index);
        }
    }

    // Sorting compares the rows' own parsed values; the table's default comparator goes
    // through the cell value factories and makes two objects per comparison, which
    // stalls the window for a second on 100,000 rows.
    private Comparator<Recording> rowOrder() {
        Comparator<Recording> order = null;
        for (TableColumn<Recording, ?> column : table.getSortOrder()) {
            Comparator<Recording> byColumn = rowOrders.get(column);
            if (byColumn == null) {
                continue;
            }
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                byColumn = byColumn.reversed();
            }
            order = order == null ? byColumn : order.thenComparing(byColumn);
        }
        return order;
    }

    private TableColumn<Recording, OffsetDateTime> dateColumn() {
        TableColumn<Recording, OffsetDateTime> column = column("Date created", 200,
                row -> row.dateCreated().orElse(null), Formats::localTime,
                Comparator.nullsLast(Comparator.naturalOrder()));
        column.setId("dateColumn");
        return sortedBy(Recording.byDateCreated(), column);
    }

    // The same order without boxing a number or wrapping a date per comparison,
    // which is much of a sort's time on 100,000 rows.
    private <T> TableColumn<Recording, T> sortedBy(Comparator<Recording> order,
            TableColumn<Recording, T> column) {
        rowOrders.put(column, order);
        return column;
    }

    private TableColumn<Recording, BigDecimal> priceColumn() {
        TableColumn<Recording, BigDecimal> column = new TableColumn<>("Price");
        column.setPrefWidth(110);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().price().orElse(null)));
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        rowOrders.put(column, Comparator.comparing(row -> row.price().orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder())));
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal price, boolean empty) {
                super.updateItem(price, empty);
                Recording row = empty || getTableRow() == null ? null
                        : getTableRow().getItem();
                setText(row == null || price == null ? null
                        : Formats.price(price, row.priceUnit()));
            }
        });
        return column;
    }

    private TableColumn<Recording, String> textColumn(String title, double width,
            Function<Recording, String> value) {
        return column(title, width, value, text -> text, Comparator.naturalOrder());
    }

    private <T> TableColumn<Recording, T> column(String title, double width,
            Function<Recording, T> value, Function<T, String> format,
            Comparator<T> comparator) {
        TableColumn<Recording, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell ->
                new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(comparator);
        rowOrders.put(column, Comparator.comparing(value, comparator));
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return column;
    }

    private ContextMenu createContextMenu() {
        MenuItem copySid = new MenuItem("Copy recording SID",
                new FontIcon(Material2AL.CONTENT_COPY));
        copySid.setOnAction(event -> copySelected(Recording::sid));
        MenuItem copyCall = new MenuItem("Copy call or conference SID");
        copyCall.setOnAction(event -> copySelected(row ->
                row.callSid().or(row::conferenceSid).orElse("")));
        MenuItem filterCall = new MenuItem("Show only this call's recordings");
        filterCall.setOnAction(event -> {
            Recording row = table.getSelectionModel().getSelectedItem();
            if (row != null && row.callSid().isPresent()) {
                model.applyQuery(RecordingQuery.all().withCallSid(row.callSid().get()));
            }
        });
        return new ContextMenu(copySid, copyCall, filterCall);
    }

    private void copySelected(Function<Recording, String> value) {
        Recording row = table.getSelectionModel().getSelectedItem();
        if (row != null && !value.apply(row).isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(value.apply(row));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private static DatePicker datePicker(String id, String prompt) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setTooltip(new Tooltip("Created " + prompt.toLowerCase(Locale.ROOT)
                + ", as YYYY-MM-DD (UTC days, as the space counts them)"));
        picker.setConverter(new IsoDateConverter());
        picker.setPrefWidth(140);
        return picker;
    }

    private static TextField sidField(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(15);
        return field;
    }

    /** Days typed and shown as YYYY-MM-DD, whatever the locale; bad text is no date. */
    private static final class IsoDateConverter extends StringConverter<LocalDate> {
        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : date.toString();
        }

        @Override
        public LocalDate fromString(String text) {
            try {
                return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static String nonBlank(String text) {
        return text == null ? "" : text;
    }

    /**
     * A row that asks for the next page when it shows one of the last loaded rows. Not
     * while the quick filter narrows the rows: a filter that matches little would
     * otherwise page through the whole space. Nor while the table shows placeholders.
     */
    private final class LoadingAheadRow extends TableRow<Recording> {
        @Override
        protected void updateItem(Recording item, boolean empty) {
            super.updateItem(item, empty);
            boolean unfiltered = model.visibleRows().size() == model.rows().size();
            boolean modelRows = table.getItems() == model.visibleRows();
            if (!empty && unfiltered && modelRows
                    && getIndex() >= table.getItems().size() - LOAD_AHEAD_ROWS) {
                model.loadMore();
            }
        }
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
