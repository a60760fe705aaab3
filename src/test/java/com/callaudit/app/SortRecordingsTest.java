package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.Recording;
import com.callaudit.demo.DemoSpace;
import com.callaudit.ui.properties.PropertiesModel.PaneState;
import com.callaudit.ui.recordings.RecordingsModel;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sorting the recordings by a column header, in the real window. */
class SortRecordingsTest {

    private static final Comparator<Recording> BY_DURATION =
            Comparator.comparingInt(Recording::durationSeconds);
    private static final Comparator<Recording> BY_SID = Comparator.comparing(Recording::sid);

    private static DemoSpace demo;
    private final AppDriver driver = new AppDriver();

    @BeforeAll
    static void startTheDemoSpace() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(1_000));
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
    void sortingKeepsTheSelectedRecordingSelectedAndInView() {
        driver.interact(() -> driver.table().getSelectionModel().select(3));
        Recording selected = driver.table().getSelectionModel().getSelectedItem();
        driver.await(() -> driver.app().mainWindow().properties().stateProperty().get()
                == PaneState.LOADED);
        List<PaneState> paneStates = new CopyOnWriteArrayList<>();
        driver.interact(() -> driver.app().mainWindow().properties().stateProperty()
                .addListener((obs, was, now) -> paneStates.add(now)));

        driver.clickOn(header("Duration"));

        driver.await(() -> isSorted(BY_DURATION) && !arranging());
        assertThat(driver.table().getSelectionModel().getSelectedItem()).isSameAs(selected);
        assertThat(driver.table().getFocusModel().getFocusedItem()).isSameAs(selected);
        assertThat(paneStates).as("the property pane never lost the recording").isEmpty();
        assertThat(driver.app().mainWindow().properties().recordingProperty().get().sid())
                .isEqualTo(selected.sid());
        int index = driver.table().getSelectionModel().getSelectedIndex();
        VirtualFlow<?> flow = driver.lookup(".virtual-flow").query();
        assertThat(index).isBetween(flow.getFirstVisibleCell().getIndex(),
                flow.getLastVisibleCell().getIndex());
    }

    @Test
    void pagesArrivingWhileSortedLandInOrder() {
        driver.clickOn(header("Duration"));
        driver.await(() -> isSorted(BY_DURATION) && !arranging());

        driver.clickOn("#loadAll");

        driver.await(() -> driver.text("#statusCount").startsWith("all "));
        assertThat(driver.table().getItems()).isSortedAccordingTo(BY_DURATION)
                .extracting(Recording::sid)
                .containsExactlyInAnyOrderElementsOf(demo.recordingSids());
    }

    @Test
    void theQuickFilterNarrowsASortedListAndKeepsItsOrder() {
        driver.clickOn(header("Recording SID"));
        driver.await(() -> isSorted(BY_SID) && !arranging());
        String text = driver.table().getItems().get(0).sid().substring(0, 1);
        long matching = driver.table().getItems().stream()
                .filter(row -> matches(row, text)).count();

        driver.typeInto("#quickFilter", text);

        driver.await(() -> driver.table().getItems().size() == matching && !arranging());
        assertThat(driver.table().getItems()).isSortedAccordingTo(BY_SID)
                .allMatch(row -> matches(row, text));
        driver.interact(() -> driver.lookup("#quickFilter").queryTextInputControl().clear());
        driver.await(() -> driver.table().getItems().size()
                == RecordingsModel.BROWSE_PAGE_SIZE && !arranging());
        assertThat(driver.table().getItems()).isSortedAccordingTo(BY_SID);
    }

    @Test
    void clickingTheHeaderThriceGoesBackToTheSpacesOrder() {
        Node duration = header("Duration");

        driver.clickOn(duration).clickOn(duration).clickOn(duration);

        driver.await(() -> driver.table().getSortOrder().isEmpty() && !arranging());
        List<String> sids = driver.table().getItems().stream().map(Recording::sid).toList();
        assertThat(sids).isEqualTo(demo.recordingSids().subList(0,
                RecordingsModel.BROWSE_PAGE_SIZE));
    }

    private Node header(String title) {
        return driver.lookup(".column-header")
                .lookup((Label label) -> title.equals(label.getText())).query();
    }

    private boolean arranging() {
        return !driver.app().mainWindow().recordings().arrangingProperty().get().isEmpty();
    }

    private boolean isSorted(Comparator<Recording> order) {
        List<Recording> items = driver.table().getItems();
        for (int i = 1; i < items.size(); i++) {
            if (order.compare(items.get(i - 1), items.get(i)) > 0) {
                return false;
            }
        }
        return items.size() > 1;
    }

    private static boolean matches(Recording row, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return row.sid().toLowerCase(Locale.ROOT).contains(lower)
                || row.callSid().orElse("").toLowerCase(Locale.ROOT).contains(lower)
                || row.conferenceSid().orElse("").toLowerCase(Locale.ROOT).contains(lower)
                || row.status().toLowerCase(Locale.ROOT).contains(lower)
                || row.source().toLowerCase(Locale.ROOT).contains(lower);
    }
}
