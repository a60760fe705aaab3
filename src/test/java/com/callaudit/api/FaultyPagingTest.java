package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.FaultPlan.NextLink;
import com.callaudit.demo.RequestLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paging through a space whose next links go wrong: the listing always ends, keeps
 * what it read, says why it stopped, and sends nothing to another host.
 */
class FaultyPagingTest {

    /** More pages than any sane listing of this space needs; reaching it is a loop. */
    private static final int PAGE_LIMIT = 50;

    private static DemoSpace demo;
    private static RecordingsClient client;

    @BeforeAll
    static void startTheSpace() throws IOException {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(30));
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
    void aNextLinkThatRepeatsThePageEndsTheListing() throws Exception {
        demo.faults().nextPageUri(NextLink.REPEAT);

        Listing listing = listEverything();

        assertThat(listing.pages).isEqualTo(1);
        assertThat(listing.sids).hasSize(10);
        assertThat(listing.last.pagingProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("already fetched", "may be incomplete"));
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowedAndGetsNoCredentials() throws Exception {
        demo.faults().nextPageUri(NextLink.OTHER_HOST);

        Listing listing = listEverything();

        assertThat(listing.pages).isEqualTo(1);
        assertThat(listing.last.pagingProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("another host (localhost)",
                        "does not send your credentials"));
        assertThat(demo.requests().entries()).extracting(entry -> entry.header("Host"))
                .allSatisfy(host -> assertThat(host).startsWith("127.0.0.1:"));
    }

    @Test
    void aNextLinkWithoutTheApiPrefixIsNotFollowed() throws Exception {
        demo.faults().nextPageUri(NextLink.NO_PREFIX);

        Listing listing = listEverything();

        assertThat(listing.pages).isEqualTo(1);
        assertThat(listing.last.pagingProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("not an address of this project's API"));
        assertThat(demo.requests().entries()).extracting(RequestLog.Entry::status)
                .containsOnly(200);
    }

    @Test
    void emptyPagesThatStillLinkOnEndTheListing() throws Exception {
        demo.faults().emptyPagesWithNext();

        Listing listing = listEverything();

        assertThat(listing.pages).isEqualTo(1);
        assertThat(listing.sids).isEmpty();
        assertThat(listing.last.pagingProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("empty page"));
    }

    @Test
    void aBadRecordOnEveryPageLeavesTheOthersAndThePagingIntact() throws Exception {
        demo.faults().corruptRecord(0);

        Listing listing = listEverything();

        assertThat(listing.pages).isEqualTo((demo.recordingCount() + 9) / 10);
        assertThat(listing.problems).isEqualTo(listing.pages);
        assertThat(listing.sids).hasSize(demo.recordingCount() - listing.pages)
                .doesNotHaveDuplicates();
        assertThat(listing.last.pagingProblem()).isEmpty();
    }

    /** Pages of ten, following next links while the client will, up to a limit. */
    private static Listing listEverything() throws SignalWireException {
        RecordingPage page = client.list(RecordingQuery.all().withPageSize(10));
        Listing listing = new Listing();
        listing.add(page);
        while (page.hasNext() && listing.pages < PAGE_LIMIT) {
            page = client.next(page);
            listing.add(page);
        }
        return listing;
    }

    private static final class Listing {
        final List<String> sids = new ArrayList<>();
        int pages;
        int problems;
        RecordingPage last;

        void add(RecordingPage page) {
            page.recordings().forEach(recording -> sids.add(recording.sid()));
            problems += page.problems().size();
            pages++;
            last = page;
        }
    }
}
