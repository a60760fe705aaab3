package com.callaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.Credentials;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import com.callaudit.media.MediaRelay;
import com.callaudit.ui.properties.PropertiesModel.PaneState;
import com.callaudit.ui.recordings.RecordingsModel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window is built while the sign-in form waits for the user, so that signing
 * in only fills it: its first rows are the rows made ahead, and a sign-in that comes
 * while it is half built still shows the space's rows and no placeholder.
 */
class WindowBuiltAheadTest {

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

    @AfterEach
    void stopTheApp() throws Exception {
        driver.stop();
    }

    @Test
    void whileTheFormWaitsTheWindowMakesItsRowsAndSigningInReusesThem() throws Exception {
        driver.start(new LaunchOptions(false, 0, false));
        driver.await(() -> driver.app().preparedWindow() != null
                && driver.app().preparedWindow().preparedAhead());
        MainWindow ahead = driver.app().preparedWindow();
        List<Node> tableRowsAhead = onFx(() -> rows(ahead, ".table-row-cell"));
        List<Node> paneRowsAhead = onFx(() -> rows(ahead,
                "#propertyTree .tree-table-row-cell"));
        assertThat(tableRowsAhead).hasSizeGreaterThan(10);
        assertThat(paneRowsAhead).hasSizeGreaterThan(10);
        assertThat(onFx(() -> tableOf(ahead).getItems()))
                .isSameAs(ahead.recordings().visibleRows()).isEmpty();

        driver.signIn(demo.origin().toString(), demo.projectId(), demo.token());
        driver.awaitRows(RecordingsModel.BROWSE_PAGE_SIZE);

        assertThat(driver.app().mainWindow()).isSameAs(ahead);
        driver.await(() -> filledRows(ahead).size() > 10);
        assertThat(tableRowsAhead).containsAll(onFx(() -> filledRows(ahead)));
        assertThat(onFx(() -> filledRows(ahead))).extracting(row -> row.getItem().sid())
                .isSubsetOf(demo.recordingSids());
        assertThat(driver.app().preparedWindow()).isNull();

        driver.interact(() -> driver.table().getSelectionModel().select(1));

        driver.await(() -> ahead.properties().stateProperty().get() == PaneState.LOADED
                && filledPaneRows(ahead).size() > 10);
        assertThat(paneRowsAhead).containsAll(onFx(() -> filledPaneRows(ahead)));
    }

    @Test
    void aWindowShownHalfBuiltShowsTheSpacesRowsAndNoPlaceholder() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AppSettings settings = AppSettings.load();
        settings.clear();
        BackgroundWork work = new BackgroundWork();
        RecordingsClient client = new RecordingsClient(SpaceAddress.loopback(demo.port()),
                new Credentials(demo.projectId(), demo.token()));
        MediaRelay relay = MediaRelay.start();
        MainWindow window = onFx(() -> new MainWindow(work, settings));
        try {
            // Built, styled, and the table filled with placeholders for its layout.
            driver.interact(() -> window.preparationSteps().subList(0, 3)
                    .forEach(Runnable::run));
            assertThat(onFx(() -> tableOf(window).getItems()))
                    .isNotSameAs(window.recordings().visibleRows()).isNotEmpty();

            driver.interact(() -> {
                window.connect(client, relay);
                window.show(stage);
            });

            driver.await(() -> window.recordings().visibleRows().size()
                    == RecordingsModel.BROWSE_PAGE_SIZE && filledRows(window).size() > 10);
            assertThat(onFx(() -> tableOf(window).getItems()))
                    .isSameAs(window.recordings().visibleRows());
            assertThat(onFx(() -> filledRows(window))).extracting(row -> row.getItem().sid())
                    .isSubsetOf(demo.recordingSids());
            assertThat(window.properties().stateProperty().get())
                    .isEqualTo(PaneState.NOTHING_SELECTED);
            // The pane's rows were not made ahead: it makes them once the rows are in.
            Node shown = onFx(() -> window.scene().lookup("#propertiesShown"));
            driver.await(() -> !rows(window, "#propertyTree .tree-table-row-cell")
                    .isEmpty() && shown.getOpacity() == 1);
            assertThat(onFx(shown::isVisible)).isFalse();
        } finally {
            driver.interact(window::close);
            work.shutdown();
            client.close();
            relay.close();
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static List<Node> rows(MainWindow window, String selector) {
        Parent root = window.scene().getRoot();
        return List.copyOf(root.lookupAll(selector));
    }

    @SuppressWarnings("unchecked")
    private static TableView<Recording> tableOf(MainWindow window) {
        return (TableView<Recording>) window.scene().lookup("#recordingsTable");
    }

    // The property pane's rows that show an entry now.
    private static List<TreeTableRow<?>> filledPaneRows(MainWindow window) {
        return window.scene().getRoot().lookupAll("#propertyTree .tree-table-row-cell")
                .stream()
                .<TreeTableRow<?>>map(node -> (TreeTableRow<?>) node)
                .filter(row -> row.isVisible() && !row.isEmpty() && row.getTreeItem() != null)
                .toList();
    }

    // The table rows that show a recording now.
    @SuppressWarnings("unchecked")
    private static List<TableRow<Recording>> filledRows(MainWindow window) {
        return window.scene().getRoot().lookupAll(".table-row-cell").stream()
                .<TableRow<Recording>>map(node -> (TableRow<Recording>) node)
                .filter(row -> row.isVisible() && !row.isEmpty() && row.getItem() != null)
                .toList();
    }
}
