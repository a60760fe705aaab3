package com.callaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.callaudit.demo.DemoSpace;
import com.callaudit.demo.FaultPlan;
import com.callaudit.demo.FaultPlan.Body;
import com.callaudit.demo.FaultPlan.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed requests give their connections back: after thirty failures of every kind a
 * good request on the same client answers at once. The client holds four connections
 * to a space and waits ten seconds for a free one, so one leak per failure would make
 * the last request wait far past the bound.
 */
class FaultyConnectionsTest {

    private static final int FAILURES = 30;
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    private static final List<Consumer<FaultPlan>> FAULTS = List.of(
            plan -> plan.status(500, Body.HTML, Route.ANY, 1),
            plan -> plan.status(502, Body.EMPTY, Route.ANY, 1),
            plan -> plan.status(404, Body.JSON, Route.ANY, 1),
            plan -> plan.cutBodyAfter(200, Route.LIST),
            plan -> plan.invalidJson(),
            plan -> plan.truncateJson());

    private DemoSpace demo;
    private RecordingsClient client;

    @BeforeEach
    void startTheSpace() throws IOException {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(50));
        client = new RecordingsClient(SpaceAddress.loopback(demo.port()),
                new Credentials(demo.projectId(), demo.token()));
    }

    @AfterEach
    void stopTheSpace() {
        client.close();
        demo.close();
    }

    @Test
    void aGoodRequestAnswersAtOnceAfterThirtyFailures() {
        for (int i = 0; i < FAILURES; i++) {
            demo.faults().clear();
            FAULTS.get(i % FAULTS.size()).accept(demo.faults());

            FaultyServerTest.failure(() -> client.list(RecordingQuery.all()
                    .withPageSize(20)));
        }
        demo.faults().clear();

        RecordingPage page = assertTimeoutPreemptively(AT_ONCE, () ->
                client.list(RecordingQuery.all().withPageSize(20)));

        assertThat(page.recordings()).hasSize(20);
        assertThat(demo.requests().size()).isEqualTo(FAILURES + 1);
    }
}
