package com.callaudit.ui.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.api.Credentials;
import com.callaudit.api.Recording;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.app.BackgroundWork;
import com.callaudit.demo.DemoSpace;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Sorting the loaded rows off the FX thread, without a window. */
class RecordingsModelSortTest {

    private static final Comparator<Recording> BY_DURATION =
            Comparator.comparingInt(Recording::durationSeconds);
    private static final Comparator<Recording> BY_SID = Comparator.comparing(Recording::sid);

    private static final String ON_FX = "(the FX application thread)";

    private static DemoSpace demo;
    private static RecordingsClient client;
    private BackgroundWork work;
    private RecordingsModel model;

    @BeforeAll
    static void startTheSpaceAndToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(1_000));
        client = new RecordingsClient(SpaceAddress.loopback(demo.port()),
                new Credentials(demo.projectId(), demo.token()));
    }

    @AfterAll
    static void stopTheSpace() {
        client.close();
        demo.close();
    }

    @BeforeEach
    void loadTheFirstPage() throws Exception {
        work = new BackgroundWork();
        model = onFx(() -> new RecordingsModel(work, client));
        onFx(() -> {
            model.refresh();
            return null;
        });
        await(() -> model.visibleRows().size() == RecordingsModel.BROWSE_PAGE_SIZE);
    }

    @AfterEach
    void stopTheWork() {
        work.shutdown();
    }

    @Test
    void aSortDoesNotWaitForRequestsThatHoldEveryNetworkThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            work.run(() -> {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            onFx(() -> {
                model.sortBy(BY_SID);
                return null;
            });

            await(() -> model.arrangingProperty().get().isEmpty());
            assertThat(model.visibleRows()).isSortedAccordingTo(BY_SID);
        } finally {
            release.countDown();
        }
    }

    @Test
    void sortsOnABackgroundThreadWhileTheFxThreadStaysFree() throws Exception {
        GatedOrder gated = new GatedOrder(BY_DURATION);

        onFx(() -> {
            model.sortBy(gated);
            return null;
        });

        assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> model.arrangingProperty().get()))
                .succeedsWithin(Duration.ofSeconds(2)).isEqualTo("Sorting…");
        gated.open.countDown();
        await(() -> model.arrangingProperty().get().isEmpty());
        assertThat(gated.threads).isNotEmpty().doesNotContain(ON_FX, fxThreadName());
        assertThat(onFx(() -> List.copyOf(model.visibleRows()))).isSortedAccordingTo(
                BY_DURATION).hasSize(RecordingsModel.BROWSE_PAGE_SIZE);
    }

    @Test
    void aNewerSortSupersedesOneStillRunning() throws Exception {
        GatedOrder older = new GatedOrder(BY_DURATION);
        onFx(() -> {
            model.sortBy(older);
            return null;
        });
        assertThat(older.entered.await(10, TimeUnit.SECONDS)).isTrue();

        onFx(() -> {
            model.sortBy(BY_SID);
            return null;
        });
        await(() -> model.arrangingProperty().get().isEmpty());
        older.open.countDown();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> List.copyOf(model.visibleRows()))).isSortedAccordingTo(BY_SID)
                .hasSize(RecordingsModel.BROWSE_PAGE_SIZE);
        assertThat(onFx(() -> model.arrangingProperty().get())).isEmpty();
    }

    @Test
    void aPageArrivingDuringASortIsMergedIntoTheSortedRows() throws Exception {
        GatedOrder gated = new GatedOrder(BY_DURATION);
        onFx(() -> {
            model.sortBy(gated);
            return null;
        });
        assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();

        onFx(() -> {
            model.loadMore();
            return null;
        });
        await(() -> model.rows().size() == 2 * RecordingsModel.BROWSE_PAGE_SIZE);
        gated.open.countDown();
        await(() -> model.arrangingProperty().get().isEmpty());

        List<Recording> shown = onFx(() -> List.copyOf(model.visibleRows()));
        assertThat(shown).isSortedAccordingTo(BY_DURATION)
                .containsExactlyInAnyOrderElementsOf(onFx(() -> List.copyOf(model.rows())));
    }

    @Test
    void tiesKeepTheOrderTheSpaceSent() throws Exception {
        Comparator<Recording> byChannels = Comparator.comparingInt(Recording::channels);

        onFx(() -> {
            model.sortBy(byChannels);
            return null;
        });
        await(() -> model.arrangingProperty().get().isEmpty());

        List<Recording> sent = onFx(() -> List.copyOf(model.rows()));
        List<Recording> shown = onFx(() -> List.copyOf(model.visibleRows()));
        assertThat(shown).isEqualTo(sent.stream().sorted(byChannels).toList());
    }

    private static String fxThreadName() throws Exception {
        return onFx(() -> Thread.currentThread().getName());
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** An order whose first comparison waits until the test opens the gate. */
    private static final class GatedOrder implements Comparator<Recording> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final Comparator<Recording> order;

        GatedOrder(Comparator<Recording> order) {
            this.order = order;
        }

        @Override
        public int compare(Recording a, Recording b) {
            threads.add(Thread.currentThread().getName());
            if (Platform.isFxApplicationThread()) {
                threads.add(ON_FX);
            }
            entered.countDown();
            try {
                open.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return order.compare(a, b);
        }
    }
}
