package com.callaudit.bench;

import com.callaudit.api.Credentials;
import com.callaudit.api.RecordingPage;
import com.callaudit.api.RecordingQuery;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 3 as one function: {@link RecordingsClient} lists a demo space of 100,000
 * recordings at page size 1000, following {@code next_page_uri} to the end. Each
 * invocation is one whole listing, timed on its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 9)
@Fork(1)
public class ListAllRecordingsBenchmark {

    static final int RECORDINGS = 100_000;
    static final int PAGE_SIZE = 1000;

    private DemoSpace demo;
    private RecordingsClient client;

    @Setup(Level.Trial)
    public void startTheSpace() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(RECORDINGS));
        client = new RecordingsClient(SpaceAddress.loopback(demo.port()),
                new Credentials(demo.projectId(), demo.token()));
    }

    @Benchmark
    public int listEveryRecording() throws Exception {
        RecordingPage page = client.list(RecordingQuery.all().withPageSize(PAGE_SIZE));
        int listed = page.recordings().size();
        while (page.hasNext()) {
            page = client.next(page);
            listed += page.recordings().size();
        }
        if (listed < RECORDINGS) {
            throw new IllegalStateException("listed only " + listed);
        }
        return listed;
    }

    @TearDown(Level.Trial)
    public void stopTheSpace() {
        client.close();
        demo.close();
    }
}
