package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.FaultPlan;
import com.callaudit.demo.FaultPlan.Body;
import com.callaudit.demo.FaultPlan.Route;
import com.callaudit.demo.RequestLog;
import com.callaudit.demo.TokenTraces;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against a demo space that misbehaves: error statuses with every kind of
 * body, rate limits, slow and cut answers, broken JSON, drifting types. Each failure
 * must come back as one SignalWireException whose message names the problem in plain
 * words and never holds the token; retries happen only where they are safe.
 */
class FaultyServerTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static DemoSpace demo;
    private static RecordingsClient client;

    @BeforeAll
    static void startTheSpace() throws IOException {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(20));
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
        faults().clear();
        demo.requests().clear();
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitTheSpaceAskedFor() throws Exception {
        faults().retryAfter("1", 2);

        RecordingPage page = bounded(() -> client.list(firstFive()));

        assertThat(page.recordings()).hasSize(5);
        assertThat(listRequests()).extracting(RequestLog.Entry::status)
                .containsExactly(429, 429, 200);
    }

    @Test
    void aLastingRateLimitEndsAfterThreeTriesWithAPlainMessage() {
        faults().retryAfter("0", 10);

        SignalWireException e = failure(() -> client.list(firstFive()));

        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.getMessage()).contains("limiting requests", "wait a moment");
        assertThat(listRequests()).hasSize(3);
    }

    @Test
    void anUnavailableSpaceIsRetried() throws Exception {
        faults().status(503, Body.HTML, Route.LIST, 1);

        RecordingPage page = bounded(() -> client.list(firstFive()));

        assertThat(page.recordings()).hasSize(5);
        assertThat(listRequests()).extracting(RequestLog.Entry::status)
                .containsExactly(503, 200);
    }

    @Test
    void anInternalErrorIsNotRetriedAndQuotesTheSpace() {
        faults().status(500, Body.JSON, Route.LIST, 1);

        SignalWireException e = failure(() -> client.list(firstFive()));

        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.code()).hasValue(20504);
        assertThat(e.getMessage()).contains("had a problem answering", "HTTP 500",
                "The space said", "Try again");
        assertThat(listRequests()).hasSize(1);
    }

    @Test
    void anHtmlPageFromAProxyIsCalledThat() {
        faults().status(502, Body.HTML);

        SignalWireException e = failure(() -> client.list(firstFive()));

        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.code()).isEmpty();
        assertThat(e.getMessage()).contains("HTTP 502", "web page instead of data",
                "proxy");
    }

    @Test
    void anEmptyErrorAnswerIsCalledThat() {
        faults().status(500, Body.EMPTY);

        SignalWireException e = failure(() -> client.fetch(demo.recordingSids().get(0)));

        assertThat(e.getMessage()).contains("HTTP 500", "empty answer");
    }

    @Test
    void aRedirectOfTheApiIsNotFollowedAndBlamesAProxy() {
        faults().status(302, Body.EMPTY);

        SignalWireException e = failure(() -> client.list(firstFive()));

        assertThat(e.getMessage()).contains("redirected", "proxy");
        assertThat(listRequests()).hasSize(1);
    }

    @Test
    void aListCutMidBodySaysTheConnectionBroke() {
        faults().cutBodyAfter(300, Route.LIST);

        SignalWireException e = failure(() -> client.list(firstFive()));

        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).contains("connection", "broke", "recordings list",
                "Try again");
    }

    @Test
    void truncatedOrInvalidJsonIsCalledBrokenAndNamesWhatWasAsked() {
        String sid = demo.recordingSids().get(0);
        faults().truncateJson();
        SignalWireException truncated = failure(() -> client.list(firstFive()));
        faults().clear().invalidJson();

        SignalWireException invalid = failure(() -> client.fetch(sid));

        assertThat(truncated.getMessage()).contains("recordings list", "broken or "
                + "cut-off JSON");
        assertThat(invalid.getMessage()).contains("recording " + sid, "broken");
    }

    @Test
    void aSpaceSlowerThanTheResponseTimeoutEndsTheWaitWithAPlainMessage() {
        faults().delay(Duration.ofSeconds(5));
        RecordingsClient impatient = new RecordingsClient(SpaceAddress.loopback(
                demo.port()), new Credentials(demo.projectId(), demo.token()),
                Duration.ofSeconds(2), Duration.ofMillis(500));

        SignalWireException e = failure(() -> impatient.list(firstFive()));

        impatient.close();
        assertThat(e.getMessage()).contains("stopped answering", "Try again");
    }

    @Test
    void driftedTypesReadAsTheSameRecordings() throws Exception {
        List<Recording> plain = client.list(firstFive()).recordings();
        faults().driftTypes();

        RecordingPage drifted = client.list(firstFive());

        assertThat(drifted.problems()).isEmpty();
        assertThat(drifted.recordings()).extracting(Recording::sid, Recording::channels,
                Recording::durationSeconds, Recording::status).isEqualTo(
                plain.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.sid(),
                        r.channels(), r.durationSeconds(), r.status())).toList());
        assertThat(drifted.recordings().get(0).price()).isEqualTo(plain.get(0).price());
    }

    @Test
    void unknownKeysAreKeptButChangeNothing() throws Exception {
        faults().addUnknownKeys();

        RecordingPage page = client.list(firstFive());
        Recording one = client.fetch(demo.recordingSids().get(0));

        assertThat(page.recordings()).hasSize(5);
        assertThat(page.problems()).isEmpty();
        assertThat(one.raw().has("x_storage")).isTrue();
        assertThat(one.sid()).isEqualTo(demo.recordingSids().get(0));
    }

    @Test
    void oneUnreadableRecordIsReportedAndTheRestOfThePageKept() throws Exception {
        faults().corruptRecord(1);

        RecordingPage page = client.list(firstFive());

        assertThat(page.recordings()).hasSize(4).extracting(Recording::sid)
                .doesNotContain(demo.recordingSids().get(1));
        assertThat(page.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.index()).isEqualTo(1);
            assertThat(problem.reason()).contains("Record 2", "no recording SID");
        });
    }

    private static FaultPlan faults() {
        return demo.faults();
    }

    private static RecordingQuery firstFive() {
        return RecordingQuery.all().withPageSize(5);
    }

    private static List<RequestLog.Entry> listRequests() {
        List<RequestLog.Entry> lists = new ArrayList<>();
        for (RequestLog.Entry entry : demo.requests().entries()) {
            if (entry.path().endsWith("/Recordings")) {
                lists.add(entry);
            }
        }
        return lists;
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T bounded(Call<T> call) {
        return assertTimeoutPreemptively(BOUND, call::run);
    }

    /** The call's failure, which must come within the bound and hide the token. */
    static SignalWireException failure(Call<?> call) {
        Throwable thrown = assertTimeoutPreemptively(BOUND, () -> {
            try {
                call.run();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        assertThat(thrown).as("the failure").isInstanceOf(SignalWireException.class);
        TokenTraces.assertNoneIn(thrown.getMessage());
        TokenTraces.assertNoneIn(String.valueOf(thrown.getCause()));
        return (SignalWireException) thrown;
    }
}
