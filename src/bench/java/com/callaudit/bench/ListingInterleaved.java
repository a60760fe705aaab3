package com.callaudit.bench;

import com.callaudit.api.Cancellation;
import com.callaudit.api.Credentials;
import com.callaudit.api.PageStream;
import com.callaudit.api.RecordingPage;
import com.callaudit.api.RecordingQuery;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 3 measured against drift in the machine's load: one demo space in this JVM,
 * and in each round the client (through listAll, and page by page) and curl (one
 * invocation over the same 100 page links, one kept-alive connection) list it one
 * right after the other, in an order that alternates; the ratio is taken per round.
 * Not part of the suite: run by hand with {@code main}, the class path of the
 * benchmarks profile, and the number of rounds as the argument.
 */
final class ListingInterleaved {

    private static final int PAGE_SIZE = ListAllRecordingsBenchmark.PAGE_SIZE;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        try (DemoSpace demo = DemoSpace.start(new DemoSpace.Config()
                .syntheticRecordings(ListAllRecordingsBenchmark.RECORDINGS));
                RecordingsClient client = new RecordingsClient(
                        SpaceAddress.loopback(demo.port()),
                        new Credentials(demo.projectId(), demo.token()))) {
            Path config = ListingThroughput.curlConfig(demo, pageLinks(client, demo));
            for (int warm = 0; warm < 4; warm++) {
                listAll(client);
                pageByPage(client);
                curl(config);
            }
            Samples all = new Samples("ms");
            Samples byPage = new Samples("ms");
            Samples floor = new Samples("ms");
            Samples ratio = new Samples("×");
            Samples ratioByPage = new Samples("×");
            Samples gcAll = new Samples("ms");
            Samples gcCurl = new Samples("ms");
            for (int round = 0; round < rounds; round++) {
                double a;
                double p;
                double c;
                if (round % 2 == 0) {
                    a = listAll(client);
                    p = pageByPage(client);
                    c = curl(config);
                } else {
                    c = curl(config);
                    p = pageByPage(client);
                    a = listAll(client);
                }
                gcDuring(() -> listAll(client), gcAll);
                gcDuring(() -> curl(config), gcCurl);
                all.add(a);
                byPage.add(p);
                floor.add(c);
                ratio.add(a / c);
                ratioByPage.add(p / c);
                System.out.printf("[bench] round %d: listAll %.0f ms, page by page %.0f ms,"
                        + " curl %.0f ms%n", round, a, p, c);
            }
            Files.delete(config);
            System.out.println("[bench] listAll " + all.describe() + "; page by page "
                    + byPage.describe() + "; curl " + floor.describe());
            System.out.println("[bench] per round, listAll ÷ curl " + ratio.describe()
                    + "; page by page ÷ curl " + ratioByPage.describe());
            System.out.println("[bench] collector time in this JVM during an extra listAll "
                    + gcAll.describe() + ", during an extra curl run " + gcCurl.describe());
        }
    }

    @FunctionalInterface
    private interface Run {
        double run() throws Exception;
    }

    private static void gcDuring(Run run, Samples into) throws Exception {
        long before = collectorMillis();
        run.run();
        into.add(collectorMillis() - before);
    }

    private static long collectorMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static double listAll(RecordingsClient client) throws Exception {
        long started = System.nanoTime();
        int listed = 0;
        try (PageStream pages = client.listAll(RecordingQuery.all().withPageSize(PAGE_SIZE),
                new Cancellation())) {
            while (pages.hasNext()) {
                listed += pages.next().recordings().size();
            }
        }
        return checked(listed, started);
    }

    private static double pageByPage(RecordingsClient client) throws Exception {
        long started = System.nanoTime();
        RecordingPage page = client.list(RecordingQuery.all().withPageSize(PAGE_SIZE));
        int listed = page.recordings().size();
        while (page.hasNext()) {
            page = client.next(page);
            listed += page.recordings().size();
        }
        return checked(listed, started);
    }

    private static double checked(int listed, long started) {
        if (listed < ListAllRecordingsBenchmark.RECORDINGS) {
            throw new IllegalStateException("listed only " + listed);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static List<String> pageLinks(RecordingsClient client, DemoSpace demo)
            throws Exception {
        List<String> links = new ArrayList<>();
        demo.requests().clear();
        RecordingPage page = client.list(RecordingQuery.all().withPageSize(PAGE_SIZE));
        links.add(demo.origin() + demo.requests().last().pathAndQuery());
        while (page.hasNext()) {
            page = client.next(page);
            links.add(demo.origin() + demo.requests().last().pathAndQuery());
        }
        return links;
    }

    /** The sum of curl's transfer times, as the suite's floor takes it. */
    private static double curl(Path config) throws Exception {
        return ListingThroughput.runCurl(config).transferMillis();
    }
}
