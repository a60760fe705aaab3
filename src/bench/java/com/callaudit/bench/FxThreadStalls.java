package com.callaudit.bench;

import com.callaudit.api.MediaFormat;
import com.callaudit.api.Recording;
import com.callaudit.app.CallAuditApp;
import com.callaudit.app.LaunchOptions;
import com.callaudit.demo.DemoSpace;
import com.callaudit.ui.recordings.RecordingsModel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * Figure 7: the longest stall of the FX thread in the real window right after its first
 * rows (while the property pane makes its rows), while it pages through 100,000
 * recordings ("Load all"), sorts them by three columns and plays two long recordings
 * (through {@link Playback}). The floor is the same sampler on the idle window for 3 s.
 */
final class FxThreadStalls {

    private static final int RECORDINGS = 100_000;

    private final Playback playback;
    private final List<String> phases = new ArrayList<>();

    FxThreadStalls(Playback playback) {
        this.playback = playback;
    }

    List<ResultRow> measure() throws Exception {
        FxThread.start();
        Stage stage = FxToolkit.registerPrimaryStage();
        Samples busy = new Samples("ms");
        Samples idle = new Samples("ms");
        try (DemoSpace demo = DemoSpace.start(new DemoSpace.Config()
                .syntheticRecordings(RECORDINGS).longRecordings(true))) {
            CallAuditApp app = (CallAuditApp) FxToolkit.setupApplication(
                    () -> new CallAuditApp(new LaunchOptions(false, 0, false)));
            try (BenchSpace media = new BenchSpace(java.time.Duration.ZERO)) {
                signIn(stage, demo);
                FxThread.await(() -> app.mainWindow() != null
                        && !app.mainWindow().recordings().rows().isEmpty(), 30,
                        "the first page");
                RecordingsModel model = app.mainWindow().recordings();
                Playback inWindow = playback.inWindow(app);
                try (PulseGapSampler sampler = PulseGapSampler.start()) {
                    // The window's own work after its first rows (counted, not the
                    // floor): the MP3 check plays its tone a second later.
                    Thread.sleep(2500);
                    record("the first 2.5 s after the first rows", sampler, busy);
                    if (!FxThread.call(() -> paneRowsMade(stage.getScene()))) {
                        throw new IllegalStateException("the property pane has not made "
                                + "its rows ahead");
                    }
                    Thread.sleep(3000);
                    record("idle", sampler, idle);

                    FxThread.run(model::loadAll);
                    FxThread.await(() -> !model.loadingProperty().get()
                            && !model.moreAvailableProperty().get(), 600, "loading all");
                    record("paging (Load all)", sampler, busy);

                    TableView<Recording> table = table(stage.getScene());
                    for (int column : new int[] {0, 1, 2}) {
                        FxThread.run(() -> sortBy(table, column));
                        // The rows are sorted off the FX thread and shown when ready.
                        FxThread.await(() -> model.arrangingProperty().get().isEmpty(),
                                30, "sorting");
                        Thread.sleep(500);
                        record("sort by " + FxThread.call(() ->
                                table.getColumns().get(column).getText()), sampler, busy);
                    }

                    for (MediaFormat format : List.of(MediaFormat.MP3, MediaFormat.WAV)) {
                        try (Playback.PlayingRecording playing = inWindow.play(
                                media.media(media.sixtyMinutes, format), format,
                                media.space(), media.credentials())) {
                            Thread.sleep(2000);
                            playing.seek(1800);
                            Thread.sleep(1000);
                        }
                        record("playing 60 min " + format.extension(), sampler, busy);
                    }
                }
            } finally {
                FxToolkit.cleanupApplication(app);
            }
        }
        return List.of(ResultRow.worst("7 longest FX stall", busy, idle,
                Target.atMost(50, "ms"),
                "longest gap between two AnimationTimer pulses, per phase: "
                        + String.join("; ", phases) + ". Playback: "
                        + playback.describe() + ". Floor: the idle window for 3 s"));
    }

    private void record(String phase, PulseGapSampler sampler, Samples into) {
        double[] worst = sampler.takeWorst();
        into.add(worst[0]);
        phases.add(phase + " " + Samples.number(worst[0]) + " ms (runLater ping "
                + Samples.number(worst[1]) + " ms, FX thread CPU "
                + Samples.number(worst[2]) + " ms, the process kept the cores "
                + Math.round(worst[3]) + "% busy)");
        System.out.println("[bench] FX stall, " + phases.get(phases.size() - 1));
    }

    private static void signIn(Stage stage, DemoSpace demo) throws Exception {
        SignInForm.signIn(stage, demo.origin().toString(), demo.projectId(), demo.token());
    }

    // Rows made while nothing is selected, and the pane back as it was.
    private static boolean paneRowsMade(Scene scene) {
        return !scene.getRoot().lookupAll("#propertyTree .tree-table-row-cell").isEmpty()
                && scene.lookup("#propertiesShown").getOpacity() == 1;
    }

    @SuppressWarnings("unchecked")
    private static TableView<Recording> table(Scene scene) throws Exception {
        return FxThread.call(() -> (TableView<Recording>) scene.lookup("#recordingsTable"));
    }

    // As a click on the column header does: that column alone, ascending.
    private static void sortBy(TableView<Recording> table, int index) {
        TableColumn<Recording, ?> column = table.getColumns().get(index);
        column.setSortType(TableColumn.SortType.ASCENDING);
        table.getSortOrder().setAll(List.of(column));
    }
}
