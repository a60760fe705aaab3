package com.callaudit.bench;

import com.callaudit.api.Credentials;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingPage;
import com.callaudit.api.RecordingQuery;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.app.BackgroundWork;
import com.callaudit.demo.DemoSpace;
import com.callaudit.ui.recordings.RecordingsModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 4: heap retained per listed recording with 100,000 loaded, from the heap in
 * use after full collections before and after. Measured twice: the {@link Recording}s
 * alone in a list, and the recordings list model as the window holds them (rows, the
 * SID set that drops duplicates, the filtered view). The floor is the recording's JSON
 * as the space sent it, in bytes.
 */
final class HeapPerRecording {

    private static final int RECORDINGS = 100_000;
    private static final int RUNS = 3;

    List<ResultRow> measure() throws Exception {
        Samples alone = new Samples("B");
        Samples inModel = new Samples("B");
        Samples json = new Samples("B");
        try (DemoSpace demo = DemoSpace.start(
                new DemoSpace.Config().syntheticRecordings(RECORDINGS));
                RecordingsClient client = new RecordingsClient(
                        SpaceAddress.loopback(demo.port()),
                        new Credentials(demo.projectId(), demo.token()))) {
            listAll(client);
            for (int run = 0; run < RUNS; run++) {
                alone.add(retainedPerRecording(client));
            }
            json.add(jsonBytesPerRecording(client));
            FxThread.start();
            inModel.add(retainedPerRowOfTheModel(client));
        }
        return List.of(
                ResultRow.median("4 heap per recording (list)", alone, json,
                        Target.atMost(1024, "B"),
                        "100,014 `Recording`s from the client in an ArrayList; "
                                + "(used heap after 4× System.gc(), loaded − empty) / "
                                + "count; floor: the record's JSON on the wire"),
                ResultRow.median("4b heap per row (RecordingsModel)", inModel, json,
                        Target.atMost(1024, "B"),
                        "the model after refresh + loadAll at its page size (200): rows, "
                                + "SID set, filtered list; one run"));
    }

    private static double retainedPerRecording(RecordingsClient client) throws Exception {
        long before = usedHeapAfterGc();
        List<Recording> loaded = listAll(client);
        long after = usedHeapAfterGc();
        Reference.reachabilityFence(loaded);
        return (after - before) / (double) loaded.size();
    }

    private static double retainedPerRowOfTheModel(RecordingsClient client)
            throws Exception {
        BackgroundWork work = new BackgroundWork();
        try {
            long before = usedHeapAfterGc();
            RecordingsModel model = FxThread.call(() -> new RecordingsModel(work, client));
            FxThread.run(model::refresh);
            FxThread.await(() -> !model.loadingProperty().get()
                    && model.moreAvailableProperty().get(), 30, "the first page");
            FxThread.run(model::loadAll);
            FxThread.await(() -> !model.loadingProperty().get()
                    && !model.moreAvailableProperty().get(), 300, "loading all");
            int rows = FxThread.call(() -> model.rows().size());
            long after = usedHeapAfterGc();
            Reference.reachabilityFence(model);
            return (after - before) / (double) rows;
        } finally {
            work.shutdown();
        }
    }

    private static List<Recording> listAll(RecordingsClient client) throws Exception {
        List<Recording> loaded = new ArrayList<>();
        RecordingPage page = client.list(RecordingQuery.all().withPageSize(1000));
        loaded.addAll(page.recordings());
        while (page.hasNext()) {
            page = client.next(page);
            loaded.addAll(page.recordings());
        }
        return loaded;
    }

    private static double jsonBytesPerRecording(RecordingsClient client) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Recording> page = client.list(RecordingQuery.all().withPageSize(1000))
                .recordings();
        long bytes = 0;
        for (Recording recording : page) {
            bytes += json.writeValueAsBytes(recording.raw()).length;
        }
        return bytes / (double) page.size();
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
