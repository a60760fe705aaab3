package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.FaultPlan.NextLink;
import com.callaudit.demo.FaultPlan.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Listing everything with the next page fetched ahead: the same pages as page by page,
 * no request a browsing user did not ask for, and an end (close or cancel) that leaves
 * no request under way and no connection lent out.
 */
class PageStreamTest {

    private static final Duration SLOW = Duration.ofMillis(1500);

    private static DemoSpace demo;
    private static RecordingsClient client;

    @BeforeAll
    static void startTheSpace() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(40));
        client = new RecordingsClient(SpaceAddress.loopback(demo.port()),
                new Credentials(demo.projectId(), demo.token()));
    }

    @AfterAll
    static void stopTheSpace() {
        client.close();
        demo.close();
    }

    @AfterEach
    void clearFaults() {
        demo.faults().clear();
        demo.requests().clear();
    }

    @Test
    void listsThePagesPageByPageWouldInTheirOrderWithOneRequestEach() throws Exception {
        RecordingQuery query = RecordingQuery.all().withPageSize(10);
        List<String> pageByPage = new ArrayList<>();
        RecordingPage page = client.list(query);
        pageByPage.addAll(sids(page));
        while (page.hasNext()) {
            page = client.next(page);
            pageByPage.addAll(sids(page));
        }
        demo.requests().clear();

        List<String> listed = new ArrayList<>();
        int pages = 0;
        try (PageStream stream = client.listAll(query, new Cancellation())) {
            while (stream.hasNext()) {
                listed.addAll(sids(stream.next()));
                pages++;
            }
        }

        assertThat(listed).isEqualTo(pageByPage).hasSize(54);
        assertThat(demo.requests().entries()).hasSize(pages);
    }

    @Test
    void browsingAsksForNoPageAhead() throws Exception {
        int askedBefore = client.pagesAskedAhead();

        RecordingPage first = client.list(RecordingQuery.all().withPageSize(10));
        client.next(first);

        assertThat(first.hasNext()).isTrue();
        assertThat(client.pagesAskedAhead()).isEqualTo(askedBefore);
        assertThat(demo.requests().entries()).hasSize(2);
    }

    @Test
    void asksForTheNextPageWhileTheCallerHoldsThisOne() throws Exception {
        int askedBefore = client.pagesAskedAhead();

        try (PageStream stream = client.listAll(RecordingQuery.all().withPageSize(10),
                new Cancellation())) {
            stream.next();

            assertThat(demo.requests().awaitSize(2, Duration.ofSeconds(10))).isTrue();
            assertThat(client.pagesAskedAhead()).isEqualTo(askedBefore + 1);
        }
    }

    @Test
    void closingAbandonsThePageUnderWayAndReturnsItsConnection() throws Exception {
        demo.faults().delay(SLOW, Route.LIST);
        PageStream stream = client.listAll(RecordingQuery.all().withPageSize(10),
                new Cancellation());
        stream.next();
        awaitLeased(1);

        long started = System.nanoTime();
        stream.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SLOW);
        assertThat(client.leasedConnections()).isZero();
        assertThat(stream.hasNext()).isFalse();
    }

    @Test
    void cancellingAbortsThePageUnderWayAndReturnsItsConnection() throws Exception {
        demo.faults().delay(SLOW, Route.LIST);
        Cancellation cancellation = new Cancellation();
        try (PageStream stream = client.listAll(RecordingQuery.all().withPageSize(10),
                cancellation)) {
            stream.next();
            awaitLeased(1);
            Thread caller = Thread.currentThread();
            CompletableFuture<Void> cancelled = CompletableFuture.runAsync(() -> {
                awaitBlocked(caller);
                cancellation.cancel();
            });
            long started = System.nanoTime();

            assertThatThrownBy(stream::next).isInstanceOf(SignalWireException.class)
                    .hasMessageContaining("Cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SLOW);
            cancelled.get(10, TimeUnit.SECONDS);
        }

        assertThat(client.leasedConnections()).isZero();
    }

    @Test
    void stopsWhereThePageByPageTrailStops() throws Exception {
        demo.faults().nextPageUri(NextLink.REPEAT);
        RecordingPage last = null;
        int pages = 0;

        try (PageStream stream = client.listAll(RecordingQuery.all().withPageSize(10),
                new Cancellation())) {
            while (stream.hasNext()) {
                last = stream.next();
                pages++;
            }
        }

        assertThat(pages).isEqualTo(1);
        assertThat(last.pagingProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("already fetched"));
        assertThat(demo.requests().entries()).hasSize(1);
    }

    @Test
    void goesOnFromAPageAlreadyFetched() throws Exception {
        RecordingPage first = client.list(RecordingQuery.all().withPageSize(25));
        List<String> rest = new ArrayList<>();

        try (PageStream stream = client.pagesAfter(first, new Cancellation())) {
            while (stream.hasNext()) {
                rest.addAll(sids(stream.next()));
            }
        }

        assertThat(rest).hasSize(29).doesNotContainAnyElementsOf(sids(first));
    }

    private static void awaitLeased(int count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> client.leasedConnections() == count);
    }

    // The cancel comes once the caller waits for the page fetched ahead.
    private static void awaitBlocked(Thread caller) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> caller.getState() == Thread.State.WAITING);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the caller never waited for the page", e);
        }
    }

    private static List<String> sids(RecordingPage page) {
        return page.recordings().stream().map(Recording::sid).toList();
    }
}
