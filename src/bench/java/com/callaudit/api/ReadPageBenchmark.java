package com.callaudit.api;

import com.callaudit.demo.DemoSpace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reading part of figure 3 on its own, no server running: one page of 1000 demo
 * records, already fetched, read by {@link PageReader} ({@code tokens}), against the
 * way it was read before (a JSON tree, then each record written back to bytes and
 * packed: {@code tree}), in the same run. Not part of the suite; run it by hand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class ReadPageBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private byte[] page;
    private SpaceAddress space;
    private String projectId;

    @Setup
    public void fetchOnePage() throws Exception {
        try (DemoSpace demo = DemoSpace.start(new DemoSpace.Config()
                .syntheticRecordings(5000));
                RecordingsClient client = new RecordingsClient(
                        SpaceAddress.loopback(demo.port()),
                        new Credentials(demo.projectId(), demo.token()))) {
            space = client.space();
            projectId = demo.projectId();
            URI first = URI.create(demo.origin() + RecordingsClient.API_PREFIX
                    + "/Accounts/" + projectId + "/Recordings?PageSize=1000");
            page = client.fetchPageBody(first, new Cancellation());
        }
    }

    @Benchmark
    public RecordingPage tokens() throws Exception {
        return new PageReader(RecordingQuery.all(), space, projectId, new HashSet<>())
                .read(page, null);
    }

    @Benchmark
    public int tree() throws Exception {
        JsonNode root = JSON.readTree(page);
        int bytes = 0;
        for (JsonNode item : root.get("recordings")) {
            byte[] raw = JSON.writeValueAsBytes(item);
            String sid = item.get("sid").asText();
            bytes += CompactJson.pack(raw, sid, item.get("account_sid").asText(),
                    item.path("call_sid").asText(null), Recording.API_ACCOUNTS).length;
        }
        return bytes;
    }
}
