package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.Recording;
import com.callaudit.demo.DemoSpace;
import com.callaudit.ui.properties.PropertiesModel.PaneState;
import com.callaudit.ui.properties.PropertyEntry;
import com.callaudit.ui.recordings.RecordingsModel;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Browsing a space of some thousand recordings through the real window. */
class BrowseRecordingsTest {

    private static final int SYNTHETIC = 1_000;
    private static DemoSpace demo;
    private final AppDriver driver = new AppDriver();

    @BeforeAll
    static void startTheDemoSpace() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(SYNTHETIC));
    }

    @AfterAll
    static void stopTheDemoSpace() {
        demo.close();
    }

    @BeforeEach
    void signIn() throws Exception {
        driver.start(new LaunchOptions(false, 0, false));
        driver.signIn(demo.origin().toString(), demo.projectId(), demo.token());
        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE);
    }

    @AfterEach
    void stopTheApp() throws Exception {
        driver.stop();
    }

    @Test
    void theFirstPageShowsAndSaysMoreIsAvailable() {
        assertThat(driver.table().getItems()).hasSize(RecordingsModel.BROWSE_PAGE_SIZE);
        assertThat(driver.text("#statusCount")).isEqualTo(
                count(RecordingsModel.BROWSE_PAGE_SIZE) + " loaded, more available");
        assertThat(driver.table().getItems()).extracting(Recording::sid)
                .isEqualTo(demo.recordingSids().subList(0, RecordingsModel.BROWSE_PAGE_SIZE));
    }

    @Test
    void goingToTheEndOfTheTableLoadsTheNextPage() {
        driver.clickOn(driver.table());

        driver.type(KeyCode.END);

        driver.await(() -> driver.table().getItems().size()
                > RecordingsModel.BROWSE_PAGE_SIZE);
        List<String> loaded = sids();
        assertThat(loaded).doesNotHaveDuplicates()
                .isEqualTo(demo.recordingSids().subList(0, loaded.size()));
    }

    @Test
    void loadAllEndsWithTheFullCount() {
        driver.clickOn("#loadAll");

        driver.await(() -> driver.text("#statusCount").startsWith("all "));
        assertThat(driver.text("#statusCount")).isEqualTo("all "
                + count(demo.recordingCount()) + " loaded");
        assertThat(sids()).isEqualTo(demo.recordingSids());
        assertThat(driver.lookup("#loadAll").query().isDisabled()).isTrue();
    }

    @Test
    void clickingAColumnHeaderSortsByItAndAgainReversesIt() {
        javafx.scene.Node durationHeader = driver.lookup(".column-header")
                .lookup((javafx.scene.control.Label label) ->
                        "Duration".equals(label.getText())).query();

        driver.clickOn(durationHeader);

        driver.await(() -> isSorted(java.util.Comparator.comparingInt(
                Recording::durationSeconds)));
        driver.clickOn(durationHeader);
        driver.await(() -> isSorted(java.util.Comparator.comparingInt(
                Recording::durationSeconds).reversed()));
        assertThat(driver.table().getItems()).hasSize(RecordingsModel.BROWSE_PAGE_SIZE);
    }

    private boolean isSorted(java.util.Comparator<Recording> order) {
        List<Recording> items = driver.table().getItems();
        for (int i = 1; i < items.size(); i++) {
            if (order.compare(items.get(i - 1), items.get(i)) > 0) {
                return false;
            }
        }
        return items.size() > 1;
    }

    @Test
    void aCallSidFilterShowsOnlyThatCallsRecordings() {
        String callSid = callRecordedTwice();

        driver.typeInto("#callSidFilter", callSid);
        driver.clickOn("#applyFilters");

        driver.await(() -> !driver.table().getItems().isEmpty() && driver.table()
                .getItems().stream().allMatch(r -> r.callSid().orElse("").equals(callSid)));
        assertThat(driver.table().getItems()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(driver.text("#statusCount")).startsWith("all ");
    }

    @Test
    void theQuickFilterNarrowsLoadedRowsAndSaysItSearchedOnlyThose() {
        String sid = demo.recordingSids().get(3);

        driver.typeInto("#quickFilter", sid.substring(0, 13));

        driver.await(() -> driver.table().getItems().size() == 1);
        assertThat(driver.table().getItems().get(0).sid()).isEqualTo(sid);
        assertThat(driver.text("#listNotice")).contains("only loaded recordings were "
                + "searched");
    }

    @Test
    void selectingARowFillsThePropertyPaneWithEveryKey() throws Exception {
        driver.interact(() -> driver.table().getSelectionModel().select(1));

        driver.await(() -> driver.app().mainWindow().properties().stateProperty().get()
                == PaneState.LOADED);
        Recording shown = driver.app().mainWindow().properties().recordingProperty().get();
        List<String> expectedKeys = new ArrayList<>();
        shown.raw().fieldNames().forEachRemaining(expectedKeys::add);
        TreeTableView<PropertyEntry> tree = driver.lookup("#propertyTree").query();
        List<String> shownKeys = tree.getRoot().getChildren().stream()
                .map(item -> item.getValue().key()).toList();
        assertThat(shown.sid()).isEqualTo(driver.table().getItems().get(1).sid());
        assertThat(shownKeys).isEqualTo(expectedKeys).contains("subresource_uris",
                "date_created", "duration");
        assertThat(driver.lookup("#rawJson").queryTextInputControl().getText())
                .contains("\"sid\" : \"" + shown.sid() + "\"");
    }

    @Test
    void whileNothingIsSelectedThePaneMakesItsRowsUnseenAndTheFirstSelectionReusesThem() {
        Node shown = driver.lookup("#propertiesShown").query();
        TreeTableView<PropertyEntry> tree = driver.lookup("#propertyTree").query();
        driver.await(() -> !treeRows().isEmpty() && shown.getOpacity() == 1);
        List<Node> madeBefore = treeRows();
        assertThat(driver.app().mainWindow().properties().stateProperty().get())
                .isEqualTo(PaneState.NOTHING_SELECTED);
        assertThat(tree.getRoot()).isNull();
        assertThat(shown.isVisible()).isFalse();
        assertThat(shown.isMouseTransparent()).isFalse();
        assertThat(shown.isManaged()).isFalse();

        driver.interact(() -> driver.table().getSelectionModel().select(1));

        driver.await(() -> driver.app().mainWindow().properties().stateProperty().get()
                == PaneState.LOADED);
        driver.await(() -> filledTreeRows().size() > 10);
        String firstKey = driver.app().mainWindow().properties().entries().get(0).key();
        assertThat(filledTreeRows().get(0).getItem().key()).isEqualTo(firstKey);
        assertThat(madeBefore).containsAll(filledTreeRows());
        assertThat(shown.isVisible()).isTrue();
        assertThat(shown.isManaged()).isTrue();
    }

    private List<Node> treeRows() {
        return List.copyOf(driver.lookup("#propertyTree .tree-table-row-cell").queryAll());
    }

    // The rows the tree shows now, top first.
    @SuppressWarnings("unchecked")
    private List<TreeTableRow<PropertyEntry>> filledTreeRows() {
        return treeRows().stream()
                .<TreeTableRow<PropertyEntry>>map(node -> (TreeTableRow<PropertyEntry>) node)
                .filter(row -> row.isVisible() && row.getTreeItem() != null
                        && !row.isEmpty())
                .sorted(Comparator.comparingInt(TreeTableRow::getIndex))
                .toList();
    }

    @Test
    void aLongValueShowsWhollyInATooltipMadeOnlyWhenThePointerComes() throws Exception {
        driver.interact(() -> driver.table().getSelectionModel().select(1));
        driver.await(() -> driver.app().mainWindow().properties().stateProperty().get()
                == PaneState.LOADED);
        driver.await(() -> !longValueCells().isEmpty());
        assertThat(longValueCells()).allSatisfy(cell ->
                assertThat(cell.getTooltip()).isNull());
        TreeTableCell<?, ?> cell = longValueCells().get(0);

        driver.moveTo(cell);

        driver.await(() -> cell.getTooltip() != null);
        assertThat(cell.getTooltip().getText()).isEqualTo(cell.getText());
    }

    private List<TreeTableCell<?, ?>> longValueCells() {
        return driver.lookup("#propertyTree .tree-table-cell").queryAll().stream()
                .<TreeTableCell<?, ?>>map(node -> (TreeTableCell<?, ?>) node)
                .filter(cell -> cell.getTableColumn() != null
                        && cell.getTableColumn().getText().equals("Value")
                        && cell.isVisible() && cell.getText() != null
                        && cell.getText().length() >= 30)
                .toList();
    }

    @Test
    void arrowKeysMoveThroughTheListAndThePaneFollows() {
        driver.clickOn(driver.table());
        driver.type(KeyCode.HOME);

        driver.type(KeyCode.DOWN, 2);

        String selected = driver.table().getSelectionModel().getSelectedItem().sid();
        driver.await(() -> driver.app().mainWindow().properties().recordingProperty()
                .get() != null && driver.app().mainWindow().properties()
                .recordingProperty().get().sid().equals(selected));
    }

    @Test
    void openBySidSelectsARecordingThatIsNotLoadedYet() {
        String deep = demo.recordingSids().get(demo.recordingCount() - 3);
        driver.clickOn(driver.table());

        driver.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L)
                .release(KeyCode.CONTROL);
        driver.await(() -> driver.lookup("#openBySidField").tryQuery().isPresent());
        driver.clickOn("#openBySidField").write(demo.origin()
                + "/api/laml/2010-04-01/Accounts/" + demo.projectId() + "/Recordings/"
                + deep + ".mp3");
        driver.type(KeyCode.ENTER);

        driver.await(() -> driver.table().getSelectionModel().getSelectedItem() != null
                && driver.table().getSelectionModel().getSelectedItem().sid().equals(deep));
    }

    private String callRecordedTwice() {
        return driver.table().getItems().stream()
                .filter(r -> r.callSid().isPresent())
                .filter(r -> driver.table().getItems().stream().filter(other ->
                        other.callSid().equals(r.callSid())).count() > 1)
                .map(r -> r.callSid().get()).findFirst().orElseThrow();
    }

    private List<String> sids() {
        return driver.table().getItems().stream().map(Recording::sid).toList();
    }

    private static String count(int n) {
        return NumberFormat.getIntegerInstance(Locale.getDefault()).format(n);
    }
}
