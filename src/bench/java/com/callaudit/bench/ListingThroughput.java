package com.callaudit.bench;

import com.callaudit.api.Credentials;
import com.callaudit.api.RecordingQuery;
import com.callaudit.api.RecordingsClient;
import com.callaudit.api.SpaceAddress;
import com.callaudit.demo.DemoSpace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Figure 3: listing all 100,000 recordings at page size 1000 through the client (JMH,
 * {@link ListAllRecordingsBenchmark}) against one {@code curl} process fetching the
 * same pages over one kept-alive connection. curl cannot read {@code next_page_uri}
 * itself, so the page links are collected first by following it, then handed to curl.
 */
final class ListingThroughput {

    private static final int CURL_RUNS = 9;
    private static final int CURL_WARMUPS = 4;

    private int connectionsOpened;

    List<ResultRow> measure() throws Exception {
        Samples client = clientThroughJmh();
        Samples curl = new Samples("ms");
        Samples curlWall = new Samples("ms");
        try (DemoSpace demo = DemoSpace.start(new DemoSpace.Config()
                .syntheticRecordings(ListAllRecordingsBenchmark.RECORDINGS))) {
            Path config = curlConfig(demo, pageLinks(demo));
            for (int run = 0; run < CURL_WARMUPS + CURL_RUNS; run++) {
                double[] times = curlOnce(config);
                if (run >= CURL_WARMUPS) {
                    curl.add(times[0]);
                    curlWall.add(times[1]);
                }
            }
            Files.delete(config);
        }
        return List.of(ResultRow.median("3 list 100,000 at 1000/page", client, curl,
                Target.timesFloor(1.0),
                "JMH single-shot (4 warm-up, 9 measured, 1 fork; client and demo space "
                        + "in the fork), through `listAll` as Load all lists (the next "
                        + "page fetched while one is read); floor: sum of curl's "
                        + "`time_total` over the 100 pages in one invocation, "
                        + connectionsOpened + " connection opened; curl's whole-process "
                        + "wall time "
                        + curlWall.describe()));
    }

    private static Samples clientThroughJmh() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ListAllRecordingsBenchmark.class.getName())
                .param("path", "all")
                .shouldFailOnError(true)
                .build()).run();
        Samples samples = new Samples("ms");
        for (RunResult result : results) {
            Statistics statistics = result.getPrimaryResult().getStatistics();
            result.getBenchmarkResults().forEach(benchmark -> benchmark.getIterationResults()
                    .forEach(iteration -> samples.add(
                            iteration.getPrimaryResult().getScore())));
            System.out.println("[bench] JMH listing: mean " + statistics.getMean()
                    + " ms over " + statistics.getN());
        }
        return samples;
    }

    /** The 100 page links, found by following next_page_uri from the first page. */
    private static List<String> pageLinks(DemoSpace demo) throws Exception {
        HttpClient plain = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper json = new ObjectMapper();
        List<String> links = new ArrayList<>();
        String next = firstPageAsTheClientAsks(demo);
        while (next != null && links.size() < 1000) {
            links.add(demo.origin() + next);
            HttpRequest request = HttpRequest.newBuilder(URI.create(demo.origin() + next))
                    .header("Authorization", basic(demo)).build();
            JsonNode page = json.readTree(plain.send(request,
                    HttpResponse.BodyHandlers.ofByteArray()).body());
            JsonNode link = page.get("next_page_uri");
            next = link == null || link.isNull() ? null : link.asText();
        }
        return links;
    }

    private static String firstPageAsTheClientAsks(DemoSpace demo) throws Exception {
        try (RecordingsClient client = new RecordingsClient(
                SpaceAddress.loopback(demo.port()),
                new Credentials(demo.projectId(), demo.token()))) {
            demo.requests().clear();
            client.list(RecordingQuery.all()
                    .withPageSize(ListAllRecordingsBenchmark.PAGE_SIZE));
            return demo.requests().last().pathAndQuery();
        }
    }

    /** curl's config for fetching these links over one kept-alive connection. */
    static Path curlConfig(DemoSpace demo, List<String> links) throws Exception {
        StringBuilder config = new StringBuilder();
        config.append("user = \"").append(demo.projectId()).append(':')
                .append(demo.token()).append("\"\n");
        config.append("header = \"Accept: application/json\"\n");
        config.append("silent\nshow-error\n");
        config.append("write-out = \"%{time_total} %{num_connects}\\n\"\n");
        for (String link : links) {
            config.append("url = \"").append(link).append("\"\n");
            config.append("output = \"/dev/null\"\n");
        }
        Path file = Files.createTempFile("callaudit-bench-curl", ".conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    /** The summed transfer time and the process's wall time, in milliseconds. */
    private double[] curlOnce(Path config) throws Exception {
        CurlRun run = runCurl(config);
        connectionsOpened = run.connections();
        return new double[] {run.transferMillis(), run.wallMillis()};
    }

    /** One curl invocation of a {@link #curlConfig}. */
    record CurlRun(double transferMillis, double wallMillis, int connections) {
    }

    static CurlRun runCurl(Path config) throws Exception {
        long started = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "-K", config.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(curl.getInputStream().readAllBytes(),
                StandardCharsets.US_ASCII);
        if (!curl.waitFor(60, TimeUnit.SECONDS) || curl.exitValue() != 0) {
            curl.destroyForcibly();
            throw new IllegalStateException("curl failed");
        }
        double wall = (System.nanoTime() - started) / 1e6;
        double transfer = 0;
        int connects = 0;
        for (String line : output.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            transfer += Double.parseDouble(parts[0]) * 1000;
            connects += Integer.parseInt(parts[1]);
        }
        return new CurlRun(transfer, wall, connects);
    }

    private static String basic(DemoSpace demo) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (demo.projectId() + ":" + demo.token()).getBytes(StandardCharsets.UTF_8));
    }
}
