package com.callaudit.bench;

import com.callaudit.api.Cancellation;
import com.callaudit.api.Credentials;
import com.callaudit.api.PageStream;
import com.callaudit.api.RecordingPage;
import com.callaudit.api.RecordingQuery;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 3 as one function: {@link RecordingsClient} lists a demo space of 100,000
 * recordings at page size 1000, following {@code next_page_uri} to the end. Each
 * invocation is one whole listing, timed on its own.
 *
 * <p>{@code path=all} (the figure) lists through {@link RecordingsClient#listAll}, as
 * "Load all" does: the next page is fetched while one is read. {@code path=pageByPage}
 * asks for one page after another with {@code list} and {@code next}, as a user who
 * browses does; run it by hand to tell reading from overlapping. At the end of a trial
 * the fork prints how the listing's time split between waiting and reading.
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

    @Param({"all"})
    public String path;

    private DemoSpace demo;
    private RecordingsClient client;
    private long waitedNanos;
    private long readNanos;
    private int pagesRead;
    private int pagesByPage;

    @Setup(Level.Trial)
    public void startTheSpace() throws Exception {
        demo = DemoSpace.start(new DemoSpace.Config().syntheticRecordings(RECORDINGS));
        client = new RecordingsClient(SpaceAddress.loopback(demo.port()),
                new Credentials(demo.projectId(), demo.token()));
    }

    @Benchmark
    public int listEveryRecording() throws Exception {
        int listed = path.equals("all") ? listAll() : listPageByPage();
        if (listed < RECORDINGS) {
            throw new IllegalStateException("listed only " + listed);
        }
        return listed;
    }

    private int listAll() throws Exception {
        int listed = 0;
        try (PageStream pages = client.listAll(
                RecordingQuery.all().withPageSize(PAGE_SIZE), new Cancellation())) {
            while (pages.hasNext()) {
                listed += pages.next().recordings().size();
                pagesRead++;
            }
            waitedNanos += pages.waitedForSpace().toNanos();
            readNanos += pages.spentReading().toNanos();
        }
        return listed;
    }

    private int listPageByPage() throws Exception {
        RecordingPage page = client.list(RecordingQuery.all().withPageSize(PAGE_SIZE));
        int listed = page.recordings().size();
        pagesByPage++;
        while (page.hasNext()) {
            page = client.next(page);
            listed += page.recordings().size();
            pagesByPage++;
        }
        return listed;
    }

    // CPU time of the fork's threads over the whole trial, per page listed (warm-up
    // included), by what they do: immune to waits, so it says where the cores went.
    private void printCpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byKind = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String kind = name.contains("jmh-worker") ? "reading (benchmark thread)"
                    : name.startsWith("callaudit-next-page") ? "fetching ahead"
                    : name.startsWith("demo-space") || name.startsWith("HTTP-Dispatcher")
                            ? "demo space" : "other (JIT, GC, JMH)";
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            byKind.merge(kind, Math.max(0, cpu), Long::sum);
        }
        int pages = Math.max(1, pagesRead + pagesByPage);
        StringBuilder line = new StringBuilder("[bench] CPU per page (" + path + "):");
        byKind.forEach((kind, nanos) -> line.append(String.format(" %s %.2f ms;", kind,
                nanos / 1e6 / pages)));
        System.out.println(line);
    }

    @TearDown(Level.Trial)
    public void stopTheSpace() {
        if (pagesRead > 0) {
            System.out.printf("[bench] listAll per page: %.2f ms waiting for the space, "
                    + "%.2f ms reading (%d pages)%n", waitedNanos / 1e6 / pagesRead,
                    readNanos / 1e6 / pagesRead, pagesRead);
        }
        printCpuByThread();
        client.close();
        demo.close();
    }
}
